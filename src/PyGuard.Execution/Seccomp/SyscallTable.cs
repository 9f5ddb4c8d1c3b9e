using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace PyGuard.Execution.Seccomp;

/// <summary>
/// The system call numbers the filter names, for one architecture, with that architecture's audit tag
/// (seccomp_data.arch). Only x86-64 is described: a filter for a machine whose numbers were never checked
/// against its kernel headers would be worse than none, so elsewhere the seccomp layer reports itself absent.
/// </summary>
internal sealed record SyscallTable(
    string Name,
    uint AuditArch,
    uint? X32Bit,
    int Socket,
    int CloneCall,
    int Clone3,
    ImmutableArray<int> ProcessCreation,
    ImmutableDictionary<string, int> Refused)
{
    /// <summary>The table for the running process, or null when none is known.</summary>
    public static SyscallTable? Current =>
        RuntimeInformation.ProcessArchitecture == Architecture.X64 && BitConverter.IsLittleEndian ? X8664 : null;

    /// <summary>From the kernel's arch/x86/entry/syscalls/syscall_64.tbl (checked against asm/unistd_64.h).</summary>
    public static readonly SyscallTable X8664 = new(
        "x86_64",
        AuditArch: 0xC000003E,
        X32Bit: 0x40000000,
        Socket: 41,
        CloneCall: 56,
        Clone3: 435,
        ProcessCreation: [57, 58], // fork, vfork
        Refused: new Dictionary<string, int>
        {
            // Looking into or controlling other processes.
            ["ptrace"] = 101, ["process_vm_readv"] = 310, ["process_vm_writev"] = 311, ["kcmp"] = 312,
            ["pidfd_getfd"] = 438,
            // Interfaces that bypass the socket() check or widen the kernel's attack surface.
            ["io_uring_setup"] = 425, ["io_uring_enter"] = 426, ["io_uring_register"] = 427, ["bpf"] = 321,
            ["perf_event_open"] = 298, ["userfaultfd"] = 323,
            ["keyctl"] = 250, ["add_key"] = 248, ["request_key"] = 249,
            // Namespaces and mounts: the sandbox's shape is fixed before the code starts.
            ["unshare"] = 272, ["setns"] = 308, ["mount"] = 165, ["umount2"] = 166, ["pivot_root"] = 155,
            ["chroot"] = 161, ["open_tree"] = 428, ["move_mount"] = 429, ["fsopen"] = 430, ["fsconfig"] = 431,
            ["fsmount"] = 432, ["fspick"] = 433, ["mount_setattr"] = 442,
            // File handles reach files outside any mount the sandbox can see.
            ["open_by_handle_at"] = 304, ["name_to_handle_at"] = 303,
            // Whole-machine state.
            ["kexec_load"] = 246, ["kexec_file_load"] = 320, ["init_module"] = 175, ["finit_module"] = 313,
            ["delete_module"] = 176, ["reboot"] = 169, ["swapon"] = 167, ["swapoff"] = 168, ["acct"] = 163,
            ["quotactl"] = 179, ["syslog"] = 103, ["uselib"] = 134, ["iopl"] = 172, ["ioperm"] = 173,
            ["modify_ldt"] = 154, ["lookup_dcookie"] = 212, ["nfsservctl"] = 180, ["vhangup"] = 153,
            ["settimeofday"] = 164, ["clock_settime"] = 227, ["clock_adjtime"] = 305, ["adjtimex"] = 159,
            ["sethostname"] = 170, ["setdomainname"] = 171,
        }.ToImmutableDictionary(StringComparer.Ordinal));
}
