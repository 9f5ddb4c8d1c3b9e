using System.Collections.Immutable;
using PyGuard.Execution.Seccomp;

namespace PyGuard.Execution.Tests.Support;

/// <summary>
/// Runs a classic BPF program over a struct seccomp_data, as the kernel does, for the instructions the
/// filter generator emits (load word, jeq/jge/jset with a constant, return). Anything else fails the test.
/// </summary>
internal static class BpfInterpreter
{
    public static uint Run(ImmutableArray<BpfInstruction> program, uint arch, int syscall, params ulong[] args)
    {
        var data = new byte[64];
        BitConverter.GetBytes(syscall).CopyTo(data, 0);
        BitConverter.GetBytes(arch).CopyTo(data, 4);
        for (var i = 0; i < args.Length; i++)
        {
            BitConverter.GetBytes(args[i]).CopyTo(data, 16 + (8 * i));
        }

        uint accumulator = 0;
        for (var pc = 0; pc < program.Length; pc++)
        {
            var op = program[pc];
            switch (op.Code)
            {
                case BpfInstruction.LoadWordAbsolute:
                    accumulator = BitConverter.ToUInt32(data, (int)op.K);
                    break;
                case BpfInstruction.JumpEqual:
                    pc += accumulator == op.K ? op.JumpTrue : op.JumpFalse;
                    break;
                case BpfInstruction.JumpGreaterOrEqual:
                    pc += accumulator >= op.K ? op.JumpTrue : op.JumpFalse;
                    break;
                case BpfInstruction.JumpAnyBitSet:
                    pc += (accumulator & op.K) != 0 ? op.JumpTrue : op.JumpFalse;
                    break;
                case BpfInstruction.Return:
                    return op.K;
                default:
                    throw new InvalidOperationException($"unexpected BPF opcode 0x{op.Code:x}");
            }
        }

        throw new InvalidOperationException("the program ran off its end");
    }
}
