using PyGuard.Regex.Automata;
using PyGuard.Regex.Parsing;
using PyGuard.Regex.Parsing.Ast;

namespace PyGuard.Regex.Simulation;

internal enum Op
{
    Char,
    Split,
    Jump,
    Save,
    LoopInit,
    LoopHead,
    AtomicEnter,
    AtomicLeave,
    Look,
    Backref,
    Conditional,
    Assert,
    Fail,
    Match,
}

/// <summary>
/// One instruction. Meanings of <see cref="A"/>, <see cref="B"/>, <see cref="C"/> by op: Split (first, second
/// choice), Jump (target), Save (register), LoopInit/LoopHead (loop; for LoopHead B = exit, C = body, with
/// <see cref="Min"/>, <see cref="Max"/> and <see cref="Greedy"/>), Look (sub-program, look-behind width or -1,
/// negated = C != 0), Backref (group, ignore case = B != 0), Conditional (group, yes, no), Assert (anchor kind).
/// </summary>
internal readonly record struct Instruction(Op Op, int A = 0, int B = 0, int C = 0, CharSet? Set = null,
    long Min = 0, long Max = long.MaxValue, bool Greedy = true, RegexFlags Flags = RegexFlags.None);

/// <summary>
/// A normalized tree compiled to a small backtracking program with sre's repeat semantics: a loop counts its
/// iterations and starts another only below its maximum and, past its minimum, only if the last iteration
/// moved; atomic groups and possessive repeats discard their alternatives when they finish.
/// </summary>
internal sealed class SreProgram
{
    private readonly CharClassResolver _classes;
    private readonly List<PatternWidth?> _groupWidths;

    private SreProgram(CharClassResolver classes, List<PatternWidth?> groupWidths, int groupCount)
    {
        _classes = classes;
        _groupWidths = groupWidths;
        GroupCount = groupCount;
    }

    public List<List<Instruction>> Programs { get; } = [];

    public int GroupCount { get; }

    public int LoopCount { get; private set; }

    public CharClassResolver Classes => _classes;

    public static SreProgram Compile(RegexNode normalized, RegexTree tree, CharClassResolver classes)
    {
        var program = new SreProgram(classes, PatternWidth.OfGroups(tree.Root, tree.GroupCount), tree.GroupCount);
        program.CompileProgram(normalized);
        return program;
    }

    private int CompileProgram(RegexNode node)
    {
        var code = new List<Instruction>();
        var index = Programs.Count;
        Programs.Add(code);
        Emit(code, node);
        code.Add(new Instruction(Op.Match));
        return index;
    }

    private void Emit(List<Instruction> code, RegexNode node)
    {
        if (_classes.Resolve(node) is { } set)
        {
            code.Add(new Instruction(Op.Char, Set: set));
            return;
        }

        switch (node)
        {
            case SequenceNode s:
                foreach (var item in s.Items)
                {
                    Emit(code, item);
                }

                break;
            case AlternationNode a:
                EmitAlternation(code, [.. a.Branches]);
                break;
            case QuantifierNode q:
                EmitLoop(code, q);
                break;
            case GroupNode g:
                EmitGroup(code, g);
                break;
            case AnchorNode anchor:
                code.Add(new Instruction(Op.Assert, (int)anchor.Kind, Flags: anchor.Flags));
                break;
            case BackreferenceNode r:
                code.Add(new Instruction(Op.Backref, r.Group, (r.Flags & RegexFlags.IgnoreCase) != 0 ? 1 : 0));
                break;
            case ConditionalNode c:
                var at = code.Count;
                code.Add(default);
                Emit(code, c.Yes);
                var jump = code.Count;
                code.Add(default);
                var no = code.Count;
                if (c.No is not null)
                {
                    Emit(code, c.No);
                }

                code[at] = new Instruction(Op.Conditional, c.Group, at + 1, no);
                code[jump] = new Instruction(Op.Jump, code.Count);
                break;
            case FailNode:
                code.Add(new Instruction(Op.Fail));
                break;
        }
    }

    private void EmitAlternation(List<Instruction> code, List<RegexNode> branches)
    {
        var jumps = new List<int>();
        for (var i = 0; i < branches.Count; i++)
        {
            var split = -1;
            if (i < branches.Count - 1)
            {
                split = code.Count;
                code.Add(default);
            }

            Emit(code, branches[i]);
            if (i < branches.Count - 1)
            {
                jumps.Add(code.Count);
                code.Add(default);
                code[split] = new Instruction(Op.Split, split + 1, code.Count);
            }
        }

        foreach (var j in jumps)
        {
            code[j] = new Instruction(Op.Jump, code.Count);
        }
    }

    private void EmitLoop(List<Instruction> code, QuantifierNode q)
    {
        var possessive = q.Kind == QuantifierKind.Possessive;
        if (possessive)
        {
            code.Add(new Instruction(Op.AtomicEnter));
        }

        var loop = LoopCount++;
        code.Add(new Instruction(Op.LoopInit, loop));
        var head = code.Count;
        code.Add(default);
        Emit(code, q.Body);
        code.Add(new Instruction(Op.Jump, head));
        code[head] = new Instruction(Op.LoopHead, loop, code.Count, head + 1, Min: q.Min, Max: q.Max ?? long.MaxValue,
            Greedy: q.Kind != QuantifierKind.Lazy);
        if (possessive)
        {
            code.Add(new Instruction(Op.AtomicLeave));
        }
    }

    private void EmitGroup(List<Instruction> code, GroupNode g)
    {
        switch (g.Kind)
        {
            case GroupKind.Capturing:
                code.Add(new Instruction(Op.Save, 2 * g.Index));
                Emit(code, g.Body);
                code.Add(new Instruction(Op.Save, 2 * g.Index + 1));
                break;
            case GroupKind.Atomic:
                code.Add(new Instruction(Op.AtomicEnter));
                Emit(code, g.Body);
                code.Add(new Instruction(Op.AtomicLeave));
                break;
            case GroupKind.Lookahead or GroupKind.NegativeLookahead:
                code.Add(new Instruction(Op.Look, CompileProgram(g.Body), -1, g.Kind == GroupKind.NegativeLookahead ? 1 : 0));
                break;
            case GroupKind.Lookbehind or GroupKind.NegativeLookbehind:
                var width = (int)Math.Min(PatternWidth.Of(g.Body, _groupWidths).Min, int.MaxValue);
                code.Add(new Instruction(Op.Look, CompileProgram(g.Body), width, g.Kind == GroupKind.NegativeLookbehind ? 1 : 0));
                break;
            default:
                Emit(code, g.Body);
                break;
        }
    }
}
