using PyGuard.Execution.Tests.Support;
using Shouldly;

namespace PyGuard.Execution.Tests.Battery;

/// <summary>
/// The seccomp filter is reported only where it is really loaded: these programs call the refused system
/// calls directly (ctypes, with the audit hook off) and check the kernel's answers.
/// </summary>
public sealed class SeccompEnforcementTests
{
    private const string Probe = """
        import ctypes, errno, os, socket
        libc = ctypes.CDLL(None, use_errno=True)
        def code(result):
            return 0 if result != -1 else ctypes.get_errno()
        try:
            socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            print("inet", 0)
        except OSError as e:
            print("inet", e.errno)
        print("unshare", code(libc.unshare(0x10000000)))
        print("ptrace", code(libc.ptrace(0, 0, None, None)))
        libc.syscall.restype = ctypes.c_long
        print("io_uring", code(libc.syscall(ctypes.c_long(425), ctypes.c_long(1), None)))
        """;

    [Theory]
    [MemberData(nameof(Modes.Sandboxes), MemberType = typeof(Modes))]
    public void Refused_system_calls_fail_with_the_filters_errors(IsolationMode mode)
    {
        TestEnvironment.Require(mode);
        var result = Sandbox.Run(Probe, Sandbox.Options(mode));
        result.Isolation.ShouldContain(IsolationLayers.Seccomp);
        var answers = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ')).ToDictionary(p => p[0], p => p[1]);
        answers["inet"].ShouldBe("97", result.Stderr);   // EAFNOSUPPORT from the filter (a network namespace alone allows the socket)
        answers["unshare"].ShouldBe("1");                 // EPERM
        answers["ptrace"].ShouldBe("1");
        answers["io_uring"].ShouldBe("1");
    }

    [Fact]
    public void Control_without_a_filter_the_same_calls_succeed()
    {
        TestEnvironment.Require(IsolationMode.None);
        var result = Sandbox.Run(Probe, Sandbox.Options(IsolationMode.None));
        result.Isolation.ShouldNotContain(IsolationLayers.Seccomp);
        result.Stdout.ShouldContain("inet 0");
        result.Stdout.ShouldNotContain("io_uring 1\n");
    }
}
