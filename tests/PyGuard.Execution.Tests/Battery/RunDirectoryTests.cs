using PyGuard.Execution.Tests.Support;
using Shouldly;

namespace PyGuard.Execution.Tests.Battery;

public sealed class RunDirectoryTests
{
    [Fact]
    public void Runs_happen_in_a_private_directory_under_the_configured_root_that_is_removed_afterwards()
    {
        TestEnvironment.Require(IsolationMode.None);
        using var root = new TemporaryDirectory("pyguard-test-root-", TemporaryDirectory.Readable);
        var result = Sandbox.Run("import os\nprint(os.getcwd())", Sandbox.Options(IsolationMode.None) with { RunDirectoryRoot = root.Path });
        result.Stdout.ShouldStartWith(Path.Combine(root.Path, "pyguard-run-"));
        result.Stdout.TrimEnd().ShouldEndWith("/work");
        root.Info.EnumerateFileSystemInfos().ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modes.All), MemberType = typeof(Modes))]
    public void A_directory_the_program_locked_is_still_removed(IsolationMode mode)
    {
        // Meaningful when PyGuard is not root (the unprivileged CI pass): the program then owns its files.
        TestEnvironment.Require(mode);
        using var root = new TemporaryDirectory("pyguard-test-root-", TemporaryDirectory.Readable);
        const string program = """
            import os
            os.makedirs("locked/inner")
            open("locked/inner/file", "w").write("x")
            os.chmod("locked/inner", 0)
            os.chmod("locked", 0)
            os.chmod(".", 0o500)
            """;
        var result = Sandbox.Run(program, Sandbox.Options(mode) with { RunDirectoryRoot = root.Path });
        result.ExitCode.ShouldBe(0, result.Stderr);
        root.Info.EnumerateFileSystemInfos().ShouldBeEmpty();
    }

    [Fact]
    public void As_root_a_run_directory_root_the_sandbox_user_cannot_enter_is_refused()
    {
        TestEnvironment.Require(IsolationMode.Bubblewrap);
        if (!TestEnvironment.Host.IsRoot)
        {
            Assert.Skip("only root hands runs to another user");
        }

        using var root = new TemporaryDirectory("pyguard-test-private-", TemporaryDirectory.Private);
        Should.Throw<ExecutionSetupException>(() => Sandbox.Run("print(1)", Sandbox.Options(IsolationMode.Bubblewrap) with { RunDirectoryRoot = root.Path }))
            .Message.ShouldContain("out of reach of the sandbox user");
    }
}
