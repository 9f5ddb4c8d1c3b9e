using PyGuard.Execution.Tests.Support;
using Shouldly;

namespace PyGuard.Execution.Tests.Battery;

/// <summary>
/// Every pyenv interpreter of the machine (3.8 and later) runs in every sandbox. They differ in the ways that
/// matter here: some link a shared libpython through an absolute RPATH, and as root all of them live in a
/// directory the sandbox user cannot enter.
/// </summary>
public sealed class InterpreterTests
{
    public static TheoryData<string, IsolationMode> Interpreters()
    {
        var versions = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv", "versions");
        var data = new TheoryData<string, IsolationMode>();
        foreach (var directory in Directory.Exists(versions) ? Directory.GetDirectories(versions).Order() : Enumerable.Empty<string>())
        {
            var python = Path.Combine(directory, "bin", "python3");
            if (File.Exists(python) && Version.TryParse(Path.GetFileName(directory), out var version) && version >= new Version(3, 8))
            {
                foreach (var mode in new[] { IsolationMode.Bubblewrap, IsolationMode.Unshare, IsolationMode.Bootstrap })
                {
                    data.Add(python, mode);
                }
            }
        }

        if (data.Count == 0)
        {
            data.Add("", IsolationMode.Auto); // a row that skips, rather than a theory without data
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Interpreters), DisableDiscoveryEnumeration = true)]
    public void A_pyenv_interpreter_runs_in_the_sandbox(string python, IsolationMode mode)
    {
        if (python.Length == 0)
        {
            Assert.Skip("no pyenv interpreters on this machine");
        }

        TestEnvironment.Require(mode);
        var expected = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(python)))!;
        var result = Sandbox.Run("import platform, sys\nprint(platform.python_version())\nsys.exit(3)",
            Sandbox.Options(mode, auditHook: true) with { Interpreter = python });
        result.Stdout.ShouldBe(expected + "\n", result.Stderr);
        result.ExitCode.ShouldBe(3);
        result.Isolation.ShouldContain(IsolationLayers.AuditHook);
    }
}
