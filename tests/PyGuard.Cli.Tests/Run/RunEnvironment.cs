using PyGuard.Execution;
using PyGuard.Execution.Host;
using Xunit;

namespace PyGuard.Cli.Tests.Run;

/// <summary>The run tests need the executor's strongest layer; in CI its absence is a failure, elsewhere a skip.</summary>
internal static class RunEnvironment
{
    public static void RequireExecutor()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("the executor runs on Linux only");
        }

        if (HostCapabilities.Current.Supports(IsolationMode.Bubblewrap))
        {
            return;
        }

        var message = $"bubblewrap is unavailable ({string.Join("; ", HostCapabilities.Current.Problems)}); apt-get install bubblewrap";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
    }
}
