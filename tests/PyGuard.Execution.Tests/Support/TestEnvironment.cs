using PyGuard.Execution.Host;

namespace PyGuard.Execution.Tests.Support;

/// <summary>
/// What the tests may rely on. In CI (CI=true) every isolation layer must work on the machine, so a missing
/// one fails the test; elsewhere the test is skipped with instructions.
/// </summary>
internal static class TestEnvironment
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The interpreter to test with: PYGUARD_TEST_PYTHON (the unprivileged CI pass uses the system one) or python3 on PATH.</summary>
    public static string? Python => Environment.GetEnvironmentVariable("PYGUARD_TEST_PYTHON");

    public static HostCapabilities Host => HostCapabilities.Current;

    public static void RequireLinux()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("the executor runs on Linux only");
        }
    }

    /// <summary>Fails (in CI) or skips (elsewhere) unless the machine offers <paramref name="mode"/>.</summary>
    public static void Require(IsolationMode mode)
    {
        RequireLinux();
        if (Host.Supports(mode) && (mode != IsolationMode.Bootstrap || (Host.LandlockAbi > 0 && Host.Seccomp)))
        {
            return;
        }

        var message = $"isolation mode {mode} is unavailable here ({string.Join("; ", Host.Problems)}); " +
            "install bubblewrap and util-linux (apt-get install bubblewrap) on a kernel with user namespaces, Landlock and seccomp";
        if (InCi)
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
    }

    public static void RequireCgroups()
    {
        RequireLinux();
        if (Host.CgroupsAvailable)
        {
            return;
        }

        if (!Host.IsRoot)
        {
            Assert.Skip("per-run cgroups need root");
        }

        var message = $"cgroups are unavailable here ({string.Join("; ", Host.Problems)})";
        if (InCi)
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
    }
}
