using System.Collections.Immutable;
using System.Globalization;
using Antlr4.Runtime;
using PyGuard.Regex.Parsing.Ast;
using PyGuard.Regex.Parsing.Generated;
using PyGuard.Regex.Parsing.Unicode;
using static PyGuard.Regex.Parsing.Generated.PythonRegexParser;

namespace PyGuard.Regex.Parsing;

/// <summary>
/// Turns the ANTLR parse tree into the regex AST and performs every check sre_parse performs, in the order
/// it performs them, so the first error is the one CPython would raise. The walk is in source order; the
/// only errors found later than where they are reported (unterminated groups and classes) carry the point
/// at which sre_parse would notice them.
/// </summary>
internal sealed class RegexAstBuilder
{
    private const RegexFlags TypeFlags = RegexFlags.Ascii | RegexFlags.Locale | RegexFlags.Unicode;
    private const long MaxCode = 0xFFFFFFFF;
    private const int MaxGroups = 1073741823;

    private readonly PatternSource _source;
    private readonly EscapeDecoder _escapes;
    private readonly List<PatternWidth?> _groupWidths = [null];
    private readonly Dictionary<string, int> _groupNames = new(StringComparer.Ordinal);
    private readonly List<(int Group, int Position)> _conditionalReferences = [];
    private int? _lookbehindGroups;
    private RegexFlags _stateFlags;
    private RegexFlags _scopeFlags;

    public RegexAstBuilder(PatternSource source, RegexFlags callerFlags)
    {
        _source = source;
        _escapes = new EscapeDecoder(source);
        _stateFlags = callerFlags;
        _scopeFlags = CompileFlags(callerFlags);
    }

    private int GroupCount => _groupWidths.Count;

    public RegexTree Build(PatternContext pattern)
    {
        var root = Disjunction(pattern.disjunction(), topLevel: true);
        _source.DetectionPoint = int.MaxValue;
        if (FixFlagsError() is { } flagsError)
        {
            throw _source.Error(flagsError, null);
        }

        if (pattern.trailing() is { } trailing)
        {
            throw _source.Error("unbalanced parenthesis", trailing.Start.StartIndex);
        }

        foreach (var (group, position) in _conditionalReferences)
        {
            if (group >= GroupCount)
            {
                throw _source.Error($"invalid group reference {group}", position);
            }
        }

        CheckLookbehinds(root);
        return new RegexTree(root, GroupCount - 1, _groupNames.ToImmutableDictionary(StringComparer.Ordinal),
            CompileFlags(_stateFlags), _source.IsBytes, _source.Text(0, _source.Length));
    }

    // ------------------------------------------------------------------ structure

    private RegexNode Disjunction(DisjunctionContext context, bool topLevel)
    {
        var branches = context.branch();
        var built = new List<RegexNode>(branches.Length);
        for (var i = 0; i < branches.Length; i++)
        {
            built.Add(Branch(branches[i], first: topLevel && i == 0));
        }

        return built.Count == 1 ? built[0] : new AlternationNode([.. built], Span(context));
    }

    private RegexNode Branch(BranchContext context, bool first)
    {
        var items = new List<RegexNode>();
        foreach (var element in context.element())
        {
            _source.DetectionPoint = element.Start.StartIndex;
            switch (element)
            {
                case GlobalFlagsContext flags:
                    GlobalFlags(flags.Start, first && items.Count == 0);
                    break;
                case StrayQuantifierContext stray:
                    ReadQuantifier(stray.Start);
                    throw _source.Error("nothing to repeat", stray.Start.StartIndex);
                case QuantifiedContext quantified:
                    items.Add(Quantified(quantified));
                    break;
            }
        }

        return items.Count switch
        {
            0 => new EmptyNode(new TextSpan(context.Start.StartIndex, 0)),
            1 => items[0],
            _ => new SequenceNode([.. items], items[0].Span.Cover(items[^1].Span)),
        };
    }

    private void GlobalFlags(IToken token, bool atStart)
    {
        var flags = InlineFlagsReader.Read(_source, token.StartIndex, _source.IsBytes);
        if (!atStart)
        {
            throw _source.Error("global flags not at the start of the expression", token.StartIndex);
        }

        _stateFlags |= flags.Add;
        _scopeFlags = CompileFlags(_stateFlags);
    }

    private RegexNode Quantified(QuantifiedContext context)
    {
        var node = Atom(context.atom());
        var quantifiers = context.QUANT();
        for (var i = 0; i < quantifiers.Length; i++)
        {
            var token = quantifiers[i].Symbol;
            _source.DetectionPoint = token.StartIndex;
            var (min, max, kind) = ReadQuantifier(token);
            if (node is AnchorNode)
            {
                throw _source.Error("nothing to repeat", token.StartIndex);
            }

            if (i > 0)
            {
                throw _source.Error("multiple repeat", token.StartIndex);
            }

            node = new QuantifierNode(node, min, max, kind, TextSpan.FromBounds(node.Span.Start, token.StopIndex + 1));
        }

        return node;
    }

    private (long Min, long? Max, QuantifierKind Kind) ReadQuantifier(IToken token)
    {
        var text = token.Text;
        var kind = text.Length > 1 && text[^1] is '?' or '+' && (text[0] != '{' || text[^2] == '}')
            ? text[^1] == '?' ? QuantifierKind.Lazy : QuantifierKind.Possessive
            : QuantifierKind.Greedy;
        switch (text[0])
        {
            case '*': return (0, null, kind);
            case '+': return (1, null, kind);
            case '?': return (0, 1, kind);
        }

        var close = text.IndexOf('}');
        var body = text[1..close];
        var comma = body.IndexOf(',');
        var lo = comma < 0 ? body : body[..comma];
        var hi = comma < 0 ? body : body[(comma + 1)..];
        long min = 0;
        long? max = null;
        if (lo.Length > 0)
        {
            min = RepeatCount(lo);
        }

        if (hi.Length > 0)
        {
            max = RepeatCount(hi);
            if (max < min)
            {
                throw _source.Error("min repeat greater than max repeat", token.StartIndex + 1);
            }
        }

        return (min, max, kind);
    }

    private long RepeatCount(string digits)
    {
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value >= PatternWidth.MaxRepeat)
        {
            // CPython raises OverflowError here, which carries no position.
            throw _source.Error("the repetition number is too large", null);
        }

        return value;
    }

    // ------------------------------------------------------------------ atoms

    private RegexNode Atom(AtomContext context)
    {
        var token = context.Start;
        var span = Span(context);
        if (context.group() is { } group)
        {
            return Group(group);
        }

        if (context.charClass() is { } charClass)
        {
            return CharacterClass(charClass);
        }

        if (context.escape() is { } escape)
        {
            return EscapeAtom(escape.Start, span);
        }

        if (context.malformed() is { } malformed)
        {
            throw Malformed(malformed.Start);
        }

        return token.Type switch
        {
            PythonRegexLexer.LITERAL_CHAR => new LiteralNode(_source.At(token.StartIndex), _scopeFlags, span),
            PythonRegexLexer.DOT => new AnyNode(_scopeFlags, span),
            PythonRegexLexer.CARET => new AnchorNode(AnchorKind.LineStart, _scopeFlags, span),
            PythonRegexLexer.DOLLAR => new AnchorNode(AnchorKind.LineEnd, _scopeFlags, span),
            _ => NamedReference(token, span),
        };
    }

    private RegexNode EscapeAtom(IToken token, TextSpan span)
    {
        var end = token.StopIndex + 1;
        return _escapes.Decode(token.Type, token.StartIndex, end, inClass: false) switch
        {
            LiteralEscape l => new LiteralNode(l.CodePoint, _scopeFlags, span),
            CategoryEscape c => new ClassNode(false, [new ClassCategory(c.Kind)], _scopeFlags, span),
            AnchorEscape a => new AnchorNode(a.Kind, _scopeFlags, span),
            GroupReferenceEscape r => NumberedReference(r.Group, token.StartIndex, end, span),
            _ => throw new InvalidOperationException("unknown escape"),
        };
    }

    private RegexNode NumberedReference(int group, int start, int end, TextSpan span)
    {
        if (group >= GroupCount)
        {
            throw _source.Error($"invalid group reference {group}", start + 1);
        }

        if (!IsClosed(group))
        {
            throw _source.Error("cannot refer to an open group", start);
        }

        CheckLookbehindReference(group, end);
        return new BackreferenceNode(group, _scopeFlags, span);
    }

    private RegexNode NamedReference(IToken token, TextSpan span)
    {
        var nameStart = token.StartIndex + 4;
        var nameEnd = token.StopIndex;
        CheckGroupName(nameStart, nameEnd, terminatorAt: nameEnd);
        var name = _source.Text(nameStart, nameEnd);
        if (!_groupNames.TryGetValue(name, out var group))
        {
            throw _source.Error("unknown group name " + _source.Repr(nameStart, nameEnd), nameStart);
        }

        if (!IsClosed(group))
        {
            throw _source.Error("cannot refer to an open group", nameStart);
        }

        CheckLookbehindReference(group, nameEnd + 1);
        return new BackreferenceNode(group, _scopeFlags, span);
    }

    private PatternError Malformed(IToken token)
    {
        var start = token.StartIndex;
        var end = token.StopIndex + 1;
        switch (token.Type)
        {
            case PythonRegexLexer.COMMENT_UNTERMINATED:
                return _source.ErrorDetectedAt("missing ), unterminated comment", start, _source.Length);
            case PythonRegexLexer.GROUP_NAMED_UNTERMINATED or PythonRegexLexer.GROUP_NAMED_REF_UNTERMINATED:
                return UnterminatedName(start + 4, end, '>');
            case PythonRegexLexer.GROUP_CONDITIONAL_UNTERMINATED:
                return UnterminatedName(start + 3, end, ')');
            case PythonRegexLexer.FLAGS_BAD:
                InlineFlagsReader.Read(_source, start, _source.IsBytes);
                throw new InvalidOperationException("a malformed flags group read as valid");
            default:
                return UnknownExtension(start, end);
        }
    }

    private PatternError UnterminatedName(int nameStart, int end, char terminator)
    {
        if (terminator == '>' && _source.At(nameStart - 1) == '=')
        {
            terminator = ')';
        }

        return nameStart == end
            ? _source.ErrorDetectedAt("missing group name", end, end)
            : _source.ErrorDetectedAt($"missing {terminator}, unterminated name", nameStart, end);
    }

    /// <summary>`(?` followed by something sre_parse does not know; the token is `(?`, optionally `P` or `&lt;`, and one more character.</summary>
    private PatternError UnknownExtension(int start, int end)
    {
        var charStart = start + 2;
        if (end > charStart && _source.At(charStart) is 'P' or '<')
        {
            charStart++;
        }

        if (end == charStart)
        {
            return _source.Error("unexpected end of pattern", end);
        }

        _source.RejectLoneTrailingBackslash(charStart);

        // sre reads a backslash and the character after it as one token.
        var charEnd = _source.At(charStart) == '\\' ? Math.Min(charStart + 2, _source.Length) : charStart + 1;
        return _source.Error("unknown extension " + _source.Text(start + 1, charEnd), start + 1);
    }

    // ------------------------------------------------------------------ groups

    private RegexNode Group(GroupContext context)
    {
        var open = context.groupOpen().Start;
        var start = open.StartIndex;
        var end = open.StopIndex + 1;
        _source.DetectionPoint = start;
        var kind = GroupKind.Capturing;
        string? name = null;
        var add = RegexFlags.None;
        var remove = RegexFlags.None;
        switch (open.Type)
        {
            case PythonRegexLexer.GROUP_NAMED:
                CheckGroupName(start + 4, end - 1, terminatorAt: end - 1);
                name = _source.Text(start + 4, end - 1);
                break;
            case PythonRegexLexer.GROUP_NONCAPTURE:
                kind = GroupKind.NonCapturing;
                break;
            case PythonRegexLexer.GROUP_ATOMIC:
                kind = GroupKind.Atomic;
                break;
            case PythonRegexLexer.GROUP_LOOKAHEAD:
                kind = _source.At(start + 2) == '=' ? GroupKind.Lookahead : GroupKind.NegativeLookahead;
                break;
            case PythonRegexLexer.GROUP_LOOKBEHIND:
                kind = _source.At(start + 3) == '=' ? GroupKind.Lookbehind : GroupKind.NegativeLookbehind;
                break;
            case PythonRegexLexer.GROUP_CONDITIONAL:
                return Conditional(context, start, end);
            case PythonRegexLexer.FLAGS_SCOPED:
                var flags = InlineFlagsReader.Read(_source, start, _source.IsBytes);
                (add, remove) = (flags.Add, flags.Remove);
                kind = GroupKind.ScopedFlags;
                break;
        }

        var index = kind == GroupKind.Capturing ? OpenGroup(name, start + 4, end) : 0;
        var outerLookbehind = _lookbehindGroups;
        var isLookbehind = kind is GroupKind.Lookbehind or GroupKind.NegativeLookbehind;
        if (isLookbehind && _lookbehindGroups is null)
        {
            _lookbehindGroups = GroupCount;
        }

        var outerFlags = _scopeFlags;
        if (kind == GroupKind.ScopedFlags)
        {
            _scopeFlags = CombineFlags(_scopeFlags, add, remove);
        }

        var body = Disjunction(context.disjunction(), topLevel: false);
        _scopeFlags = outerFlags;
        if (context.GROUP_CLOSE() is null)
        {
            throw _source.ErrorDetectedAt("missing ), unterminated subpattern", start, _source.Length);
        }

        if (isLookbehind && outerLookbehind is null)
        {
            _lookbehindGroups = null;
        }

        if (kind == GroupKind.Capturing)
        {
            _groupWidths[index] = PatternWidth.Of(body, _groupWidths);
        }

        var span = Span(context);
        if (kind is GroupKind.NegativeLookahead or GroupKind.NegativeLookbehind && body is EmptyNode)
        {
            return new FailNode(span);
        }

        return new GroupNode(kind, body, index, name, add, remove, span);
    }

    private int OpenGroup(string? name, int nameStart, int nameEndExclusive)
    {
        var group = GroupCount;
        _groupWidths.Add(null);
        if (GroupCount > MaxGroups)
        {
            throw _source.Error("too many groups", nameStart);
        }

        if (name is not null)
        {
            if (_groupNames.TryGetValue(name, out var previous))
            {
                throw _source.Error(
                    $"redefinition of group name {_source.Repr(nameStart, nameEndExclusive - 1)} as group {group}; was group {previous}",
                    nameStart);
            }

            _groupNames[name] = group;
        }

        return group;
    }

    private RegexNode Conditional(GroupContext context, int start, int end)
    {
        var nameStart = start + 3;
        var nameEnd = end - 1;
        if (nameStart == nameEnd)
        {
            throw _source.Error("missing group name", nameEnd);
        }

        int group;
        var name = _source.Span(nameStart, nameEnd);
        if (!IsAsciiDecimal(name))
        {
            CheckGroupName(nameStart, nameEnd, terminatorAt: nameEnd);
            if (!_groupNames.TryGetValue(_source.Text(nameStart, nameEnd), out group))
            {
                throw _source.Error("unknown group name " + _source.Repr(nameStart, nameEnd), nameStart);
            }
        }
        else
        {
            if (!int.TryParse(_source.Text(nameStart, nameEnd), NumberStyles.None, CultureInfo.InvariantCulture, out group)
                || group >= MaxGroups)
            {
                throw _source.Error($"invalid group reference {_source.Text(nameStart, nameEnd).TrimStart('0')}", nameStart);
            }

            if (group == 0)
            {
                throw _source.Error("bad group number", nameStart);
            }

            if (!_conditionalReferences.Exists(r => r.Group == group))
            {
                _conditionalReferences.Add((group, nameStart));
            }
        }

        CheckLookbehindReference(group, end);
        var disjunction = context.disjunction();
        var branches = disjunction.branch();
        var yes = Branch(branches[0], first: false);
        var no = branches.Length > 1 ? Branch(branches[1], first: false) : null;
        if (branches.Length > 2)
        {
            var bar = disjunction.ALTERNATION()[1].Symbol.StartIndex;
            throw _source.ErrorDetectedAt("conditional backref with more than two branches", bar, bar);
        }

        if (context.GROUP_CLOSE() is null)
        {
            throw _source.ErrorDetectedAt("missing ), unterminated subpattern", start, _source.Length);
        }

        return new ConditionalNode(group, yes, no, Span(context));
    }

    private void CheckGroupName(int nameStart, int nameEnd, int terminatorAt)
    {
        if (nameStart == nameEnd)
        {
            throw _source.Error("missing group name", terminatorAt);
        }

        var name = _source.Span(nameStart, nameEnd);
        if (_source.IsBytes && !IsAscii(name))
        {
            throw _source.Error("bad character in group name " + PythonText.Ascii(name), nameStart);
        }

        if (!PythonText.IsIdentifier(name))
        {
            throw _source.Error("bad character in group name " + PythonText.Repr(name), nameStart);
        }
    }

    private bool IsClosed(int group) => group < GroupCount && _groupWidths[group] is not null;

    private void CheckLookbehindReference(int group, int position)
    {
        if (_lookbehindGroups is not { } first)
        {
            return;
        }

        if (!IsClosed(group))
        {
            throw _source.Error("cannot refer to an open group", position);
        }

        if (group >= first)
        {
            throw _source.Error("cannot refer to group defined in the same lookbehind subpattern", position);
        }
    }

    // ------------------------------------------------------------------ classes

    private RegexNode CharacterClass(CharClassContext context)
    {
        var open = context.CLASS_OPEN().Symbol;
        var negated = open.Text.Length == 2;
        var items = new List<ClassItem>();
        foreach (var item in context.classItem())
        {
            var atoms = item.classAtom();
            var first = ClassAtom(atoms[0]);
            if (atoms.Length == 1)
            {
                items.Add(first.Item);
                continue;
            }

            var second = ClassAtom(atoms[1]);
            if (first.Item is not ClassLiteral lo || second.Item is not ClassLiteral hi || hi.CodePoint < lo.CodePoint)
            {
                var end = atoms[1].Stop.StopIndex + 1;
                throw _source.Error($"bad character range {first.Token}-{second.Token}",
                    end - (first.Token.Length + 1 + second.Token.Length));
            }

            items.Add(new ClassRange(lo.CodePoint, hi.CodePoint));
        }

        if (context.CLASS_CLOSE() is null)
        {
            throw _source.ErrorDetectedAt("unterminated character set", open.StartIndex, _source.Length);
        }

        return new ClassNode(negated, [.. items.Distinct()], _scopeFlags, Span(context));
    }

    /// <summary>A class member and the text of sre's token for it (an escape's first two characters).</summary>
    private (ClassItem Item, string Token) ClassAtom(ClassAtomContext context)
    {
        var token = context.Start;
        _source.DetectionPoint = token.StartIndex;
        var start = token.StartIndex;
        var end = token.StopIndex + 1;
        var isEscape = _source.At(start) == '\\';
        var tokenText = _source.Text(start, isEscape ? Math.Min(start + 2, end) : start + 1);
        if (!isEscape)
        {
            return (new ClassLiteral(_source.At(start)), tokenText);
        }

        return _escapes.Decode(token.Type, start, end, inClass: true) switch
        {
            LiteralEscape l => (new ClassLiteral(l.CodePoint), tokenText),
            CategoryEscape c => (new ClassCategory(c.Kind), tokenText),
            _ => throw new InvalidOperationException("class escapes are literals or categories"),
        };
    }

    // ------------------------------------------------------------------ flags and compile-time checks

    private string? FixFlagsError()
    {
        if (!_source.IsBytes)
        {
            if ((_stateFlags & RegexFlags.Locale) != 0)
            {
                return "cannot use LOCALE flag with a str pattern";
            }

            return (_stateFlags & RegexFlags.Ascii) != 0 && (_stateFlags & RegexFlags.Unicode) != 0
                ? "ASCII and UNICODE flags are incompatible"
                : null;
        }

        if ((_stateFlags & RegexFlags.Unicode) != 0)
        {
            return "cannot use UNICODE flag with a bytes pattern";
        }

        return (_stateFlags & RegexFlags.Locale) != 0 && (_stateFlags & RegexFlags.Ascii) != 0
            ? "ASCII and LOCALE flags are incompatible"
            : null;
    }

    /// <summary>The flags the compiler starts from: fix_flags makes a str pattern Unicode unless it is ASCII.</summary>
    private RegexFlags CompileFlags(RegexFlags flags) =>
        !_source.IsBytes && (flags & RegexFlags.Ascii) == 0 ? flags | RegexFlags.Unicode : flags;

    /// <summary>sre_compile's _combine_flags: a type flag turned on replaces the others.</summary>
    private static RegexFlags CombineFlags(RegexFlags flags, RegexFlags add, RegexFlags remove)
    {
        if ((add & TypeFlags) != 0)
        {
            flags &= ~TypeFlags;
        }

        return (flags | add) & ~remove;
    }

    /// <summary>The compiler's look-behind checks, in the order it meets the assertions.</summary>
    private void CheckLookbehinds(RegexNode node)
    {
        switch (node)
        {
            case GroupNode { Kind: GroupKind.Lookbehind or GroupKind.NegativeLookbehind } g:
                var width = PatternWidth.Of(g.Body, _groupWidths);
                if (width.Min > MaxCode)
                {
                    throw _source.Error("looks too much behind", null);
                }

                if (width.Min != width.Max)
                {
                    throw _source.Error("look-behind requires fixed-width pattern", null);
                }

                CheckLookbehinds(g.Body);
                break;
            case GroupNode g:
                CheckLookbehinds(g.Body);
                break;
            case SequenceNode s:
                s.Items.ToList().ForEach(CheckLookbehinds);
                break;
            case AlternationNode a:
                a.Branches.ToList().ForEach(CheckLookbehinds);
                break;
            case QuantifierNode q:
                CheckLookbehinds(q.Body);
                break;
            case ConditionalNode c:
                CheckLookbehinds(c.Yes);
                if (c.No is not null)
                {
                    CheckLookbehinds(c.No);
                }

                break;
        }
    }

    private static bool IsAscii(ReadOnlySpan<int> text)
    {
        foreach (var cp in text)
        {
            if (cp > 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiDecimal(ReadOnlySpan<int> text)
    {
        foreach (var cp in text)
        {
            if (cp is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static TextSpan Span(ParserRuleContext context) =>
        TextSpan.FromBounds(context.Start.StartIndex, Math.Max(context.Start.StartIndex, (context.Stop?.StopIndex ?? -1) + 1));
}
