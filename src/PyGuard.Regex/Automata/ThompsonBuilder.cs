using PyGuard.Regex.Parsing.Ast;

namespace PyGuard.Regex.Automata;

/// <summary>
/// Builds the ε-automaton of a normalized tree under a match mode. The shapes follow sre's matcher so that
/// paths correspond to the backtracker's choices:
/// <list type="bullet">
/// <item>a loop is entered (or skipped) at its head, and after each iteration it may go again or leave; the
/// ε-closure never repeats a state, which is sre's rule that an iteration matching nothing ends the loop;</item>
/// <item>`{m,n}` is m copies and then n-m nested optional ones (`X(X(X)?)?`), never a sequence of optional
/// copies, which would invent ambiguity; counts too large for the state budget are approximated by fewer
/// copies and, past that, an unbounded loop (a larger language, so no ambiguity is lost);</item>
/// <item>lookarounds, anchors and word boundaries become <see cref="Assertion"/>s on ε-edges; a
/// back-reference reads a copy of its group's language (an over-approximation); a conditional may take
/// either branch;</item>
/// <item>a possessive or atomic loop over one character set may only be left before a character outside the
/// set; other atomic groups are built as plain groups (the simulator corrects for them).</item>
/// </list>
/// </summary>
internal sealed class ThompsonBuilder
{
    private readonly CharClassResolver _classes;
    private readonly Dictionary<int, RegexNode> _groups = [];
    private readonly int _maxStates;
    private readonly EpsilonNfa _nfa = new();
    private int _backreferenceDepth;

    private ThompsonBuilder(CharClassResolver classes, int maxStates)
    {
        _classes = classes;
        _maxStates = maxStates;
    }

    /// <summary>True when a counted repetition was built with fewer copies than written.</summary>
    public bool Approximated { get; private set; }

    public static (EpsilonNfa Nfa, bool Approximated)? Build(
        RegexNode normalizedRoot, CharClassResolver classes, MatchMode mode, int maxStates)
    {
        var builder = new ThompsonBuilder(classes, maxStates);
        builder.IndexGroups(normalizedRoot);
        try
        {
            var nfa = builder._nfa;
            var initial = nfa.Add();
            nfa.Start = initial;
            var body = builder.Construct(normalizedRoot);
            nfa.Epsilon(initial, body.Start);
            if (mode == MatchMode.Search)
            {
                var prefix = nfa.Add();
                nfa.States[prefix].IsSearchPrefix = true;
                nfa.Char(initial, classes.Universe, prefix);
                var loop = nfa.Add();
                nfa.States[loop].IsSearchPrefix = true;
                nfa.Epsilon(prefix, loop);
                nfa.Epsilon(prefix, body.Start);
                nfa.Char(loop, classes.Universe, prefix);
            }

            var accept = nfa.Add();
            nfa.Epsilon(body.End, accept, mode == MatchMode.FullMatch ? new NextAssertion(CharSet.Empty, true) : null);
            nfa.Accept = accept;
            return (nfa, builder.Approximated);
        }
        catch (StateBudgetExceededException)
        {
            return null;
        }
    }

    private readonly record struct Fragment(int Start, int End);

    private int NewState(TextSpan? span = null)
    {
        if (_nfa.States.Count >= _maxStates)
        {
            throw new StateBudgetExceededException();
        }

        return _nfa.Add(span);
    }

    private Fragment Construct(RegexNode node)
    {
        if (_classes.Resolve(node) is { } set)
        {
            return Read(set, node.Span);
        }

        switch (node)
        {
            case SequenceNode sequence:
                return Sequence(sequence.Items);
            case AlternationNode alternation:
                return Alternatives(alternation.Branches);
            case QuantifierNode quantifier:
                return Quantifier(quantifier);
            case GroupNode group:
                return Group(group);
            case AnchorNode anchor:
                return Test(Anchor(anchor));
            case BackreferenceNode reference:
                return Backreference(reference);
            case ConditionalNode conditional:
                return Alternatives([conditional.Yes, conditional.No ?? new EmptyNode(conditional.Span)]);
            case FailNode:
                return Test(new NeverAssertion());
            default:
                var empty = NewState();
                return new Fragment(empty, empty);
        }
    }

    private Fragment Read(CharSet set, TextSpan span)
    {
        var start = NewState();
        var end = NewState(span);
        if (!set.IsEmpty)
        {
            _nfa.Char(start, set, end);
        }

        return new Fragment(start, end);
    }

    private Fragment Test(Assertion assertion)
    {
        var start = NewState();
        var end = NewState();
        _nfa.Epsilon(start, end, assertion);
        return new Fragment(start, end);
    }

    private Fragment Sequence(IEnumerable<RegexNode> items)
    {
        Fragment? result = null;
        foreach (var item in items)
        {
            var next = Construct(item);
            if (result is { } previous)
            {
                _nfa.Epsilon(previous.End, next.Start);
                result = new Fragment(previous.Start, next.End);
            }
            else
            {
                result = next;
            }
        }

        if (result is { } built)
        {
            return built;
        }

        var empty = NewState();
        return new Fragment(empty, empty);
    }

    private Fragment Alternatives(IEnumerable<RegexNode> branches)
    {
        var start = NewState();
        var end = NewState();
        foreach (var branch in branches)
        {
            var b = Construct(branch);
            _nfa.Epsilon(start, b.Start);
            _nfa.Epsilon(b.End, end);
        }

        return new Fragment(start, end);
    }

    private Fragment Group(GroupNode group)
    {
        switch (group.Kind)
        {
            case GroupKind.Lookahead:
                return Test(Lookahead(group.Body));
            case GroupKind.NegativeLookahead:
                return Test(SingleSet(group.Body) is { } negated
                    ? new NextAssertion(negated.Complement(_classes.MaxChar), true)
                    : new NextAssertion(_classes.Universe, true));
            case GroupKind.Lookbehind:
                return Test(LastSet(group.Body) is { } last ? new PreviousAssertion(last, false) : new NextAssertion(_classes.Universe, true));
            case GroupKind.NegativeLookbehind:
                return Test(SingleSet(group.Body) is { } behind ? new PreviousAssertion(behind, true) : new NextAssertion(_classes.Universe, true));
            case GroupKind.Atomic when group.Body is QuantifierNode { Kind: QuantifierKind.Greedy } inner:
                return Quantifier(inner with { Kind = QuantifierKind.Possessive });
            default:
                return Construct(group.Body);
        }
    }

    private Fragment Quantifier(QuantifierNode quantifier)
    {
        var min = quantifier.Min;
        var max = quantifier.Max;

        // One copy tells how large the body is; the rest are planned from that.
        var mark = _nfa.States.Count;
        var first = Construct(quantifier.Body);
        var copySize = Math.Max(1, _nfa.States.Count - mark);
        var allowance = Math.Max(1, (_maxStates - _nfa.States.Count) / 2 / copySize);
        if (min > allowance || (max is { } m && m > allowance))
        {
            Approximated = true;
            min = Math.Min(min, allowance);
            max = max is { } bounded && bounded <= allowance ? bounded : null;
        }

        var copies = new List<Fragment> { first };
        Fragment Copy(int index)
        {
            while (copies.Count <= index)
            {
                copies.Add(Construct(quantifier.Body));
            }

            return copies[index];
        }

        var start = NewState();
        var current = start;
        var used = 0;
        for (var i = 0; i < min; i++)
        {
            var copy = Copy(used++);
            _nfa.Epsilon(current, copy.Start);
            current = copy.End;
        }

        var end = NewState();
        var exitGuard = quantifier.Kind == QuantifierKind.Possessive && SingleSet(quantifier.Body) is { } set
            ? new NextAssertion(set.Complement(_classes.MaxChar), true)
            : null;
        if (max is null)
        {
            // Loop head: enter or skip; after an iteration, go again or leave.
            var body = Copy(used);
            var again = NewState();
            _nfa.Epsilon(current, body.Start);
            _nfa.Epsilon(current, end, exitGuard);
            _nfa.Epsilon(body.End, again);
            _nfa.Epsilon(again, body.Start);
            _nfa.Epsilon(again, end, exitGuard);
        }
        else
        {
            // Nested optional copies: after each one, go on to the next or stop.
            for (var i = min; i < max; i++)
            {
                var copy = Copy(used++);
                _nfa.Epsilon(current, copy.Start);
                _nfa.Epsilon(current, end, exitGuard);
                current = copy.End;
            }

            // After the last allowed copy even a possessive loop stops, whatever follows.
            _nfa.Epsilon(current, end);
        }

        return new Fragment(start, end);
    }

    private Fragment Backreference(BackreferenceNode reference)
    {
        if (!_groups.TryGetValue(reference.Group, out var body) || _backreferenceDepth > 8)
        {
            return Star(Read(_classes.Universe, reference.Span));
        }

        _backreferenceDepth++;
        try
        {
            var fold = (reference.Flags & RegexFlags.IgnoreCase) != 0;
            return Construct(fold ? CaseInsensitiveCopy(body, reference.Flags) : body);
        }
        finally
        {
            _backreferenceDepth--;
        }
    }

    private Fragment Star(Fragment body)
    {
        var head = NewState();
        var end = NewState();
        _nfa.Epsilon(head, body.Start);
        _nfa.Epsilon(head, end);
        _nfa.Epsilon(body.End, head);
        return new Fragment(head, end);
    }

    private Assertion Anchor(AnchorNode anchor) => anchor.Kind switch
    {
        AnchorKind.LineStart when (anchor.Flags & RegexFlags.Multiline) != 0 => new LineStartAssertion(),
        AnchorKind.LineStart or AnchorKind.StringStart => new AtStartAssertion(),
        AnchorKind.LineEnd when (anchor.Flags & RegexFlags.Multiline) != 0 => new NextAssertion(CharSet.Single('\n'), true),
        AnchorKind.LineEnd => new EndOrFinalNewlineAssertion(),
        AnchorKind.StringEnd => new NextAssertion(CharSet.Empty, true),
        AnchorKind.WordBoundary => new WordBoundaryAssertion(_classes.Word(anchor.Flags), false),
        _ => new WordBoundaryAssertion(_classes.Word(anchor.Flags), true),
    };

    /// <summary>A positive lookahead allows the characters its body can start with (anything if it can match empty).</summary>
    private Assertion Lookahead(RegexNode body)
    {
        var first = FirstSet(body);
        return first is null ? new NextAssertion(_classes.Universe, true) : new NextAssertion(first, false);
    }

    /// <summary>The characters a node's matches start with, or null if it can match without reading one.</summary>
    private CharSet? FirstSet(RegexNode node)
    {
        if (_classes.Resolve(node) is { } set)
        {
            return set;
        }

        switch (node)
        {
            case SequenceNode s:
                var union = CharSet.Empty;
                foreach (var item in s.Items)
                {
                    if (FirstSet(item) is not { } f)
                    {
                        continue;
                    }

                    union = union.Union(f);
                    if (!CanBeEmpty(item))
                    {
                        return union;
                    }
                }

                return null;
            case AlternationNode a:
                var all = CharSet.Empty;
                foreach (var branch in a.Branches)
                {
                    if (FirstSet(branch) is not { } f)
                    {
                        return null;
                    }

                    all = all.Union(f);
                }

                return all;
            case GroupNode { Kind: GroupKind.Capturing or GroupKind.NonCapturing or GroupKind.ScopedFlags or GroupKind.Atomic } g:
                return FirstSet(g.Body);
            case QuantifierNode { Min: > 0 } q:
                return FirstSet(q.Body);
            default:
                return null;
        }
    }

    private bool CanBeEmpty(RegexNode node) => node switch
    {
        LiteralNode or ClassNode or AnyNode => false,
        SequenceNode s => s.Items.All(CanBeEmpty),
        AlternationNode a => a.Branches.Any(CanBeEmpty),
        GroupNode { Kind: GroupKind.Capturing or GroupKind.NonCapturing or GroupKind.ScopedFlags or GroupKind.Atomic } g => CanBeEmpty(g.Body),
        QuantifierNode q => q.Min == 0 || CanBeEmpty(q.Body),
        _ => true,
    };

    /// <summary>The set of a node that reads exactly one character from one set, else null.</summary>
    private CharSet? SingleSet(RegexNode node) => node switch
    {
        GroupNode { Kind: GroupKind.Capturing or GroupKind.NonCapturing or GroupKind.ScopedFlags } g => SingleSet(g.Body),
        _ => _classes.Resolve(node),
    };

    /// <summary>The characters a fixed-width look-behind body can end with, or null when unknown or empty.</summary>
    private CharSet? LastSet(RegexNode node) => node switch
    {
        SequenceNode s => s.Items.Reverse().Select(LastSet).FirstOrDefault(x => x is not null),
        AlternationNode a => a.Branches.Select(LastSet).Aggregate((CharSet?)CharSet.Empty,
            (acc, x) => acc is null || x is null ? null : acc.Union(x)),
        GroupNode { Kind: GroupKind.Capturing or GroupKind.NonCapturing or GroupKind.ScopedFlags or GroupKind.Atomic } g => LastSet(g.Body),
        QuantifierNode { Min: > 0 } q when q.Min == q.Max => LastSet(q.Body),
        _ => _classes.Resolve(node),
    };

    private RegexNode CaseInsensitiveCopy(RegexNode node, RegexFlags flags) => node switch
    {
        LiteralNode l => l with { Flags = l.Flags | RegexFlags.IgnoreCase | (flags & (RegexFlags.Unicode | RegexFlags.Ascii | RegexFlags.Locale)) },
        ClassNode c => c with { Flags = c.Flags | RegexFlags.IgnoreCase },
        SequenceNode s => s with { Items = [.. s.Items.Select(i => CaseInsensitiveCopy(i, flags))] },
        AlternationNode a => a with { Branches = [.. a.Branches.Select(b => CaseInsensitiveCopy(b, flags))] },
        GroupNode g => g with { Body = CaseInsensitiveCopy(g.Body, flags) },
        QuantifierNode q => q with { Body = CaseInsensitiveCopy(q.Body, flags) },
        _ => node,
    };

    private void IndexGroups(RegexNode node)
    {
        switch (node)
        {
            case GroupNode g:
                if (g.Kind == GroupKind.Capturing)
                {
                    _groups[g.Index] = g.Body;
                }

                IndexGroups(g.Body);
                break;
            case SequenceNode s:
                foreach (var item in s.Items)
                {
                    IndexGroups(item);
                }

                break;
            case AlternationNode a:
                foreach (var b in a.Branches)
                {
                    IndexGroups(b);
                }

                break;
            case QuantifierNode q:
                IndexGroups(q.Body);
                break;
            case ConditionalNode c:
                IndexGroups(c.Yes);
                if (c.No is not null)
                {
                    IndexGroups(c.No);
                }

                break;
        }
    }

    private sealed class StateBudgetExceededException : Exception;
}
