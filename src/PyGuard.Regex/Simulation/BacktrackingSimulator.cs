using PyGuard.Regex.Automata;
using PyGuard.Regex.Parsing.Ast;

namespace PyGuard.Regex.Simulation;

/// <summary>
/// Runs an <see cref="SreProgram"/> on an input the way sre's backtracker does, counting steps (instructions
/// executed and choices undone) instead of measuring time, so growth can be compared without noise. Explicit
/// stacks only: the input length never deepens the call stack. Stops when the step allowance runs out.
/// </summary>
internal sealed class BacktrackingSimulator
{
    private readonly SreProgram _program;
    private readonly int[] _text;
    private readonly long[] _registers;
    private readonly List<(int Register, long Old)> _trail = [];
    private readonly int _loopBase;
    private long _stepsLeft;

    private BacktrackingSimulator(SreProgram program, int[] text, long allowance)
    {
        _program = program;
        _text = text;
        _loopBase = 2 * (program.GroupCount + 1);
        _registers = new long[_loopBase + 2 * program.LoopCount];
        _stepsLeft = allowance;
    }

    /// <summary>The steps a match attempt takes under <paramref name="mode"/>, or null past the allowance.</summary>
    public static long? Steps(SreProgram program, int[] text, MatchMode mode, long allowance)
    {
        var simulator = new BacktrackingSimulator(program, text, allowance);
        var last = mode == MatchMode.Search ? text.Length : 0;
        for (var start = 0; start <= last; start++)
        {
            Array.Fill(simulator._registers, -1);
            simulator._trail.Clear();
            var matched = simulator.Run(0, start, mode == MatchMode.FullMatch ? text.Length : -1, out _);
            if (simulator._stepsLeft < 0)
            {
                return null;
            }

            if (matched)
            {
                break;
            }
        }

        return allowance - simulator._stepsLeft;
    }

    /// <summary>A point to come back to; <see cref="Iterates"/> marks a lazy loop's postponed iteration.</summary>
    private readonly record struct Choice(int Pc, int Position, int Trail, bool Barrier, bool Iterates = false);

    /// <summary>Runs sub-program <paramref name="index"/> from <paramref name="position"/>; <paramref name="mustEnd"/> ≥ 0 requires that end.</summary>
    private bool Run(int index, int position, int mustEnd, out int end)
    {
        var code = _program.Programs[index];
        var choices = new Stack<Choice>();
        var pc = 0;
        var pos = position;
        end = -1;
        while (true)
        {
            if (--_stepsLeft < 0)
            {
                return false;
            }

            var ok = true;
            var ins = code[pc];
            switch (ins.Op)
            {
                case Op.Char:
                    if (pos < _text.Length && ins.Set!.Contains(_text[pos]))
                    {
                        pos++;
                        pc++;
                    }
                    else
                    {
                        ok = false;
                    }

                    break;
                case Op.Split:
                    choices.Push(new Choice(ins.B, pos, _trail.Count, false));
                    pc = ins.A;
                    break;
                case Op.Jump:
                    pc = ins.A;
                    break;
                case Op.Save:
                    Write(ins.A, pos);
                    pc++;
                    break;
                case Op.LoopInit:
                    Write(_loopBase + 2 * ins.A, 0);
                    Write(_loopBase + 2 * ins.A + 1, -1);
                    pc++;
                    break;
                case Op.LoopHead:
                    pc = LoopHead(ins, pos, choices);
                    break;
                case Op.AtomicEnter:
                    choices.Push(new Choice(-1, pos, _trail.Count, true));
                    pc++;
                    break;
                case Op.AtomicLeave:
                    while (choices.Count > 0 && !choices.Pop().Barrier)
                    {
                    }

                    pc++;
                    break;
                case Op.Look:
                    ok = Look(ins, pos);
                    pc++;
                    break;
                case Op.Backref:
                    ok = Backref(ins, ref pos);
                    pc++;
                    break;
                case Op.Conditional:
                    pc = _registers[2 * ins.A + 1] >= 0 ? ins.B : ins.C;
                    break;
                case Op.Assert:
                    ok = Holds((AnchorKind)ins.A, ins.Flags, pos);
                    pc++;
                    break;
                case Op.Fail:
                    ok = false;
                    break;
                case Op.Match:
                    if (mustEnd < 0 || pos == mustEnd)
                    {
                        end = pos;
                        return true;
                    }

                    ok = false;
                    break;
            }

            if (ok)
            {
                continue;
            }

            // Undo to the latest choice that is not a barrier.
            while (true)
            {
                if (choices.Count == 0)
                {
                    return false;
                }

                var choice = choices.Pop();
                Undo(choice.Trail);
                if (!choice.Barrier)
                {
                    pc = choice.Pc;
                    pos = choice.Position;
                    if (choice.Iterates)
                    {
                        // The body starts right after its loop head, which holds the loop's registers.
                        var loop = _loopBase + 2 * code[pc - 1].A;
                        Write(loop, _registers[loop] + 1);
                        Write(loop + 1, pos);
                    }

                    break;
                }
            }
        }
    }

    private int LoopHead(Instruction ins, int pos, Stack<Choice> choices)
    {
        var countRegister = _loopBase + 2 * ins.A;
        var count = _registers[countRegister];
        var last = _registers[countRegister + 1];
        if (count < ins.Min)
        {
            Write(countRegister, count + 1);
            Write(countRegister + 1, pos);
            return ins.C;
        }

        var mayIterate = count < ins.Max && pos != last;
        if (!mayIterate)
        {
            return ins.B;
        }

        if (ins.Greedy)
        {
            choices.Push(new Choice(ins.B, pos, _trail.Count, false));
            Write(countRegister, count + 1);
            Write(countRegister + 1, pos);
            return ins.C;
        }

        // Lazy: leave first; the choice left behind starts an iteration when it is taken.
        choices.Push(new Choice(ins.C, pos, _trail.Count, false, Iterates: true));
        return ins.B;
    }

    private bool Look(Instruction ins, int pos)
    {
        var mark = _trail.Count;
        bool matched;
        if (ins.B >= 0)
        {
            matched = pos - ins.B >= 0 && Run(ins.A, pos - ins.B, pos, out _);
        }
        else
        {
            matched = Run(ins.A, pos, -1, out _);
        }

        var negated = ins.C != 0;
        if (!matched || negated)
        {
            Undo(mark);
        }

        return matched != negated;
    }

    private bool Backref(Instruction ins, ref int pos)
    {
        var start = _registers[2 * ins.A];
        var stop = _registers[2 * ins.A + 1];
        if (start < 0 || stop < 0)
        {
            return false;
        }

        var length = (int)(stop - start);
        if (pos + length > _text.Length)
        {
            return false;
        }

        for (var i = 0; i < length; i++)
        {
            _stepsLeft--;
            var a = _text[(int)start + i];
            var b = _text[pos + i];
            if (a != b && !(ins.B != 0 && Fold(a) == Fold(b)))
            {
                return false;
            }
        }

        pos += length;
        return true;
    }

    private static int Fold(int c) => c < 0x10000 ? char.ToLowerInvariant((char)c) : c;

    private bool Holds(AnchorKind kind, RegexFlags flags, int pos)
    {
        var multiline = (flags & RegexFlags.Multiline) != 0;
        switch (kind)
        {
            case AnchorKind.LineStart:
                return pos == 0 || (multiline && _text[pos - 1] == '\n');
            case AnchorKind.StringStart:
                return pos == 0;
            case AnchorKind.LineEnd:
                return pos == _text.Length || (_text[pos] == '\n' && (multiline || pos == _text.Length - 1));
            case AnchorKind.StringEnd:
                return pos == _text.Length;
            default:
                var word = _program.Classes.Word(flags);
                var before = pos > 0 && word.Contains(_text[pos - 1]);
                var after = pos < _text.Length && word.Contains(_text[pos]);
                return (before != after) == (kind == AnchorKind.WordBoundary);
        }
    }

    private void Write(int register, long value)
    {
        _trail.Add((register, _registers[register]));
        _registers[register] = value;
    }

    private void Undo(int trailLength)
    {
        for (var i = _trail.Count - 1; i >= trailLength; i--)
        {
            _registers[_trail[i].Register] = _trail[i].Old;
        }

        _trail.RemoveRange(trailLength, _trail.Count - trailLength);
    }
}
