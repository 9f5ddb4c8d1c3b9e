using System.Collections.Immutable;

namespace PyGuard.Execution.Seccomp;

/// <summary>
/// The seccomp program installed before the user's code, generated here rather than with libseccomp so the
/// executor needs nothing beyond the kernel. It refuses sockets other than AF_UNIX (unless the run allows the
/// network), new namespaces through clone flags, and the system calls listed in <see cref="SyscallTable.Refused"/>;
/// clone3 answers ENOSYS so that the C library falls back to clone, whose flags a filter can read. Where no
/// process limit can be enforced (the bootstrap layer, without a user namespace) creating a process kills the
/// program with SIGSYS, which the executor reports as stopped by the process limit.
/// </summary>
internal static class SeccompFilter
{
    public const uint ReturnKillProcess = 0x80000000;
    public const uint ReturnErrno = 0x00050000;
    public const uint ReturnAllow = 0x7fff0000;

    public const uint EPERM = 1;
    public const uint ENOSYS = 38;
    public const uint EAFNOSUPPORT = 97;

    /// <summary>CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET.</summary>
    public const uint NamespaceCloneFlags = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000;

    public const uint CloneThread = 0x00010000;

    // struct seccomp_data: nr, arch, instruction_pointer, args[6]; the low word of args[0] on little-endian.
    private const uint NrOffset = 0;
    private const uint ArchOffset = 4;
    private const uint FirstArgumentOffset = 16;

    public static ImmutableArray<BpfInstruction> Build(SyscallTable table, bool allowNetwork, bool killOnProcessCreation)
    {
        const string kill = "kill", refuse = "refuse", noSys = "enosys", noFamily = "eafnosupport";
        const string socket = "socket", clone = "clone", newProcess = "new-process";

        var asm = new BpfAssembler()
            .Load(ArchOffset)
            .JumpIfEqual(table.AuditArch, null, kill)
            .Load(NrOffset);
        if (table.X32Bit is { } x32)
        {
            asm.JumpIfAtLeast(x32, kill);
        }

        asm.JumpIfEqual((uint)table.CloneCall, clone)
            .JumpIfEqual((uint)table.Clone3, noSys);
        if (!allowNetwork)
        {
            asm.JumpIfEqual((uint)table.Socket, socket);
        }

        if (killOnProcessCreation)
        {
            foreach (var nr in table.ProcessCreation)
            {
                asm.JumpIfEqual((uint)nr, newProcess);
            }
        }

        foreach (var nr in table.Refused.Values.Order())
        {
            asm.JumpIfEqual((uint)nr, refuse);
        }

        // Classic BPF jumps only forward, so each block below ends in its own return.
        asm.Return(ReturnAllow)
            .Label(clone)
            .Load(FirstArgumentOffset)
            .JumpIfAnyBit(NamespaceCloneFlags, refuse);
        if (killOnProcessCreation)
        {
            asm.JumpIfAnyBit(CloneThread, null, newProcess);
        }

        asm.Return(ReturnAllow);
        if (!allowNetwork)
        {
            asm.Label(socket)
                .Load(FirstArgumentOffset)
                .JumpIfEqual(1 /* AF_UNIX */, null, noFamily)
                .Return(ReturnAllow);
        }

        return asm
            .Label(noFamily).Return(ReturnErrno | EAFNOSUPPORT)
            .Label(newProcess).Return(ReturnKillProcess)
            .Label(refuse).Return(ReturnErrno | EPERM)
            .Label(noSys).Return(ReturnErrno | ENOSYS)
            .Label(kill).Return(ReturnKillProcess)
            .Assemble();
    }

    /// <summary>The program as the bytes of a struct sock_filter array, as bwrap --seccomp and prctl expect.</summary>
    public static byte[] ToBytes(ImmutableArray<BpfInstruction> program)
    {
        var bytes = new byte[program.Length * 8];
        for (var i = 0; i < program.Length; i++)
        {
            program[i].WriteTo(bytes.AsSpan(i * 8, 8));
        }

        return bytes;
    }
}
