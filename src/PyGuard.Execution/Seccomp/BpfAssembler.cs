using System.Buffers.Binary;
using System.Collections.Immutable;

namespace PyGuard.Execution.Seccomp;

/// <summary>One classic BPF instruction, as struct sock_filter lays it out (8 bytes, host byte order).</summary>
internal readonly record struct BpfInstruction(ushort Code, byte JumpTrue, byte JumpFalse, uint K)
{
    public const ushort LoadWordAbsolute = 0x20;      // BPF_LD | BPF_W | BPF_ABS
    public const ushort JumpEqual = 0x15;             // BPF_JMP | BPF_JEQ | BPF_K
    public const ushort JumpGreaterOrEqual = 0x35;    // BPF_JMP | BPF_JGE | BPF_K
    public const ushort JumpAnyBitSet = 0x45;         // BPF_JMP | BPF_JSET | BPF_K
    public const ushort Return = 0x06;                // BPF_RET | BPF_K

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(destination, Code);
        destination[2] = JumpTrue;
        destination[3] = JumpFalse;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], K);
    }
}

/// <summary>
/// Writes a classic BPF program with named labels. Classic BPF only jumps forward, by at most 255
/// instructions; a label used before it is defined is resolved when the program is assembled, and a
/// backward or too long jump is a programming error caught there.
/// </summary>
internal sealed class BpfAssembler
{
    private readonly List<(ushort Code, string? True, string? False, uint K)> _code = [];
    private readonly Dictionary<string, int> _labels = new(StringComparer.Ordinal);

    public BpfAssembler Load(uint offset) => Add(BpfInstruction.LoadWordAbsolute, null, null, offset);

    /// <summary>Jumps to <paramref name="ifTrue"/> when the accumulator equals <paramref name="value"/>, else to <paramref name="ifFalse"/>; null means the next instruction.</summary>
    public BpfAssembler JumpIfEqual(uint value, string? ifTrue, string? ifFalse = null) =>
        Add(BpfInstruction.JumpEqual, ifTrue, ifFalse, value);

    public BpfAssembler JumpIfAtLeast(uint value, string? ifTrue, string? ifFalse = null) =>
        Add(BpfInstruction.JumpGreaterOrEqual, ifTrue, ifFalse, value);

    public BpfAssembler JumpIfAnyBit(uint mask, string? ifTrue, string? ifFalse = null) =>
        Add(BpfInstruction.JumpAnyBitSet, ifTrue, ifFalse, mask);

    public BpfAssembler Return(uint action) => Add(BpfInstruction.Return, null, null, action);

    public BpfAssembler Label(string name)
    {
        if (!_labels.TryAdd(name, _code.Count))
        {
            throw new InvalidOperationException($"BPF label '{name}' defined twice");
        }

        return this;
    }

    public ImmutableArray<BpfInstruction> Assemble()
    {
        var program = ImmutableArray.CreateBuilder<BpfInstruction>(_code.Count);
        for (var i = 0; i < _code.Count; i++)
        {
            var (code, ifTrue, ifFalse, k) = _code[i];
            program.Add(new BpfInstruction(code, Offset(i, ifTrue), Offset(i, ifFalse), k));
        }

        return program.MoveToImmutable();
    }

    private BpfAssembler Add(ushort code, string? ifTrue, string? ifFalse, uint k)
    {
        _code.Add((code, ifTrue, ifFalse, k));
        return this;
    }

    private byte Offset(int from, string? label)
    {
        if (label is null)
        {
            return 0;
        }

        if (!_labels.TryGetValue(label, out var target))
        {
            throw new InvalidOperationException($"BPF label '{label}' is never defined");
        }

        var offset = target - from - 1;
        if (offset is < 0 or > byte.MaxValue)
        {
            throw new InvalidOperationException($"BPF jump to '{label}' spans {offset} instructions");
        }

        return (byte)offset;
    }
}
