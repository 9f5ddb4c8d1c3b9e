using PyGuard.Execution.Tests.Support;
using Shouldly;

namespace PyGuard.Execution.Tests.Battery;

/// <summary>
/// The PEP 578 hook, tested where it is the only barrier (unsandboxed mode), so that each refusal is the
/// hook's own. Every refused action is one the operating system would have allowed here.
/// </summary>
public sealed class AuditHookTests
{
    private static ExecutionResult Attempt(string action, params string[] arguments)
    {
        TestEnvironment.Require(IsolationMode.None);
        var program = $"""
            import os, socket, subprocess, sys
            try:
                {action}
                print("allowed")
            except BaseException as error:
                print("refused", type(error).__name__, error)
            """;
        return Sandbox.Run(program, Sandbox.Options(IsolationMode.None, auditHook: true), arguments);
    }

    [Fact]
    public void Writing_outside_the_working_directory_is_refused_and_nothing_appears()
    {
        var target = $"/tmp/pyguard-hook-{Guid.NewGuid():N}";
        var result = Attempt("open(sys.argv[1], 'w').write('x')", target);
        result.Stdout.ShouldStartWith("refused PermissionError pyguard: writing");
        File.Exists(target).ShouldBeFalse();
    }

    [Fact]
    public void Writing_inside_the_working_directory_and_its_temporary_directory_is_allowed() =>
        Attempt("open('a.txt', 'w').write('x'); open(os.environ['TMPDIR'] + '/b', 'w').write('y')").Stdout.ShouldBe("allowed\n");

    [Fact]
    public void Moving_a_file_out_of_the_working_directory_is_refused()
    {
        var target = $"/tmp/pyguard-hook-{Guid.NewGuid():N}";
        Attempt("open('a.txt', 'w').close(); os.rename('a.txt', sys.argv[1])", target).Stdout.ShouldStartWith("refused PermissionError");
        File.Exists(target).ShouldBeFalse();
    }

    [Fact]
    public void Hard_linking_an_outside_file_in_is_refused() =>
        Attempt("os.link('/etc/hostname', 'mine')").Stdout.ShouldStartWith("refused PermissionError");

    [Fact]
    public void Network_sockets_and_name_resolution_are_refused()
    {
        Attempt("socket.socket(socket.AF_INET, socket.SOCK_STREAM)").Stdout.ShouldStartWith("refused PermissionError pyguard: network");
        Attempt("socket.getaddrinfo('localhost', 80)").Stdout.ShouldStartWith("refused PermissionError pyguard: network");
        Attempt("socket.socketpair()").Stdout.ShouldBe("allowed\n");
    }

    [Fact]
    public void Creating_processes_is_refused()
    {
        Attempt("subprocess.run(['true'])").Stdout.ShouldStartWith("refused PermissionError pyguard: creating processes");
        Attempt("os.fork()").Stdout.ShouldStartWith("refused PermissionError pyguard: creating processes");
        Attempt("os.system('true')").Stdout.ShouldStartWith("refused PermissionError pyguard: creating processes");
    }

    [Fact]
    public void Importing_ctypes_is_refused_as_an_import_error() =>
        Attempt("import ctypes").Stdout.ShouldStartWith("refused ImportError pyguard: importing 'ctypes'");

    [Fact]
    public void Signalling_another_process_is_refused() =>
        Attempt("os.kill(1, 0)").Stdout.ShouldStartWith("refused PermissionError pyguard: signalling");

    [Fact]
    public void Denied_imports_are_configurable_but_ctypes_stays_refused_by_its_use()
    {
        TestEnvironment.Require(IsolationMode.None);
        var options = Sandbox.Options(IsolationMode.None, auditHook: true) with { DeniedImports = ["sqlite3"] };
        const string program = """
            import json
            try:
                import sqlite3
            except ImportError as e:
                print(e)
            try:
                import ctypes
            except PermissionError as e:
                print(e)
            """;
        var result = Sandbox.Run(program, options);
        result.Stdout.ShouldBe("pyguard: importing 'sqlite3' is refused in the sandbox\npyguard: ctypes (ctypes.dlopen) is refused in the sandbox\n");
    }

    [Fact]
    public void Without_the_hook_the_same_write_succeeds()
    {
        // The control for the tests above: unsandboxed and unhooked, nothing stops the write.
        TestEnvironment.Require(IsolationMode.None);
        var target = $"/tmp/pyguard-hook-{Guid.NewGuid():N}";
        try
        {
            Sandbox.Run("import sys\nopen(sys.argv[1], 'w').write('x')", Sandbox.Options(IsolationMode.None), target).ExitCode.ShouldBe(0);
            File.Exists(target).ShouldBeTrue();
        }
        finally
        {
            File.Delete(target);
        }
    }
}
