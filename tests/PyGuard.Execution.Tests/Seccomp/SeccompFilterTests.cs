using PyGuard.Execution.Seccomp;
using PyGuard.Execution.Tests.Support;
using Shouldly;

namespace PyGuard.Execution.Tests.Seccomp;

public sealed class SeccompFilterTests
{
    private static readonly SyscallTable Table = SyscallTable.X8664;
    private const uint Arch = 0xC000003E;
    private const int Socket = 41, Clone = 56, Fork = 57, Vfork = 58, Clone3 = 435, Read = 0, Execve = 59;
    private const ulong AfUnix = 1, AfInet = 2, AfInet6 = 10, AfNetlink = 16;
    private const ulong ThreadFlags = 0x3D0F00; // what glibc's pthread_create passes (CLONE_VM|FS|FILES|SIGHAND|THREAD|SYSVSEM|SETTLS|...)

    private static uint Run(bool allowNetwork, bool kill, int nr, params ulong[] args) =>
        BpfInterpreter.Run(SeccompFilter.Build(Table, allowNetwork, kill), Arch, nr, args);

    [Fact]
    public void Ordinary_system_calls_are_allowed()
    {
        Run(false, false, Read).ShouldBe(SeccompFilter.ReturnAllow);
        Run(false, true, Execve).ShouldBe(SeccompFilter.ReturnAllow);
    }

    [Theory]
    [InlineData(AfInet)]
    [InlineData(AfInet6)]
    [InlineData(AfNetlink)]
    public void Sockets_other_than_unix_are_refused_with_eafnosupport(ulong family) =>
        Run(false, false, Socket, family).ShouldBe(SeccompFilter.ReturnErrno | SeccompFilter.EAFNOSUPPORT);

    [Fact]
    public void Unix_sockets_stay_allowed() => Run(false, false, Socket, AfUnix).ShouldBe(SeccompFilter.ReturnAllow);

    [Fact]
    public void The_socket_check_reads_only_the_low_word_of_the_family()
    {
        // The kernel truncates the int argument; a high word must not turn AF_INET into something allowed.
        Run(false, false, Socket, (1UL << 32) | AfInet).ShouldBe(SeccompFilter.ReturnErrno | SeccompFilter.EAFNOSUPPORT);
    }

    [Fact]
    public void Allowing_the_network_lifts_the_socket_check() => Run(true, false, Socket, AfInet).ShouldBe(SeccompFilter.ReturnAllow);

    [Theory]
    [InlineData(0x10000000UL)] // CLONE_NEWUSER
    [InlineData(0x40000000UL)] // CLONE_NEWNET
    [InlineData(0x00020000UL)] // CLONE_NEWNS
    public void Clone_into_new_namespaces_is_refused(ulong flags) =>
        Run(false, false, Clone, flags | 17).ShouldBe(SeccompFilter.ReturnErrno | SeccompFilter.EPERM);

    [Fact]
    public void Clone3_answers_enosys_so_that_the_c_library_falls_back_to_clone() =>
        Run(false, false, Clone3).ShouldBe(SeccompFilter.ReturnErrno | SeccompFilter.ENOSYS);

    [Fact]
    public void Threads_and_processes_are_allowed_where_a_process_limit_exists()
    {
        Run(false, false, Clone, ThreadFlags).ShouldBe(SeccompFilter.ReturnAllow);
        Run(false, false, Clone, 17 /* SIGCHLD: fork */).ShouldBe(SeccompFilter.ReturnAllow);
        Run(false, false, Fork).ShouldBe(SeccompFilter.ReturnAllow);
    }

    [Fact]
    public void Without_a_process_limit_threads_run_and_new_processes_are_killed()
    {
        Run(false, true, Clone, ThreadFlags).ShouldBe(SeccompFilter.ReturnAllow);
        Run(false, true, Clone, 17).ShouldBe(SeccompFilter.ReturnKillProcess);
        Run(false, true, Clone, 0x4111 /* CLONE_VM|CLONE_VFORK|SIGCHLD: posix_spawn */).ShouldBe(SeccompFilter.ReturnKillProcess);
        Run(false, true, Fork).ShouldBe(SeccompFilter.ReturnKillProcess);
        Run(false, true, Vfork).ShouldBe(SeccompFilter.ReturnKillProcess);
    }

    [Fact]
    public void Every_listed_system_call_is_refused_with_eperm()
    {
        foreach (var (name, nr) in Table.Refused)
        {
            Run(false, false, nr).ShouldBe(SeccompFilter.ReturnErrno | SeccompFilter.EPERM, name);
        }
    }

    [Fact]
    public void Another_architecture_or_the_x32_abi_kills_the_process()
    {
        BpfInterpreter.Run(SeccompFilter.Build(Table, false, false), 0x40000003 /* i386 */, Read).ShouldBe(SeccompFilter.ReturnKillProcess);
        Run(false, false, 0x40000000 + Socket, AfUnix).ShouldBe(SeccompFilter.ReturnKillProcess);
    }

    [Fact]
    public void The_program_is_serialised_as_struct_sock_filter()
    {
        var program = SeccompFilter.Build(Table, false, false);
        var bytes = SeccompFilter.ToBytes(program);
        bytes.Length.ShouldBe(program.Length * 8);
        BitConverter.ToUInt16(bytes, 0).ShouldBe(BpfInstruction.LoadWordAbsolute);
        BitConverter.ToUInt32(bytes, 4).ShouldBe(4u); // load seccomp_data.arch first
        program.Length.ShouldBeLessThan(4096); // BPF_MAXINSNS
    }
}
