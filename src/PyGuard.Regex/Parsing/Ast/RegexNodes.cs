using System.Collections.Immutable;

namespace PyGuard.Regex.Parsing.Ast;

/// <summary>
/// One node of a parsed pattern. The tree keeps the shape of the source (groups stay groups, classes keep
/// their items in order) and records the flags in force where each flag-sensitive node stands.
/// </summary>
public abstract record RegexNode(TextSpan Span);

/// <summary>Matches the empty string: an empty branch or an empty group body.</summary>
public sealed record EmptyNode(TextSpan Span) : RegexNode(Span);

/// <summary>Items matched one after another.</summary>
public sealed record SequenceNode(ImmutableArray<RegexNode> Items, TextSpan Span) : RegexNode(Span);

/// <summary>Branches tried left to right (`a|b`).</summary>
public sealed record AlternationNode(ImmutableArray<RegexNode> Branches, TextSpan Span) : RegexNode(Span);

/// <summary>One character (a literal, or an escape that stands for one).</summary>
public sealed record LiteralNode(int CodePoint, RegexFlags Flags, TextSpan Span) : RegexNode(Span);

/// <summary>A character class `[...]`, or a class escape such as `\d` standing alone.</summary>
public sealed record ClassNode(bool Negated, ImmutableArray<ClassItem> Items, RegexFlags Flags, TextSpan Span)
    : RegexNode(Span);

/// <summary>`.`; <see cref="RegexFlags.DotAll"/> in <see cref="Flags"/> makes it match a newline too.</summary>
public sealed record AnyNode(RegexFlags Flags, TextSpan Span) : RegexNode(Span);

/// <summary>A zero-width position test: `^ $ \A \Z \b \B`.</summary>
public sealed record AnchorNode(AnchorKind Kind, RegexFlags Flags, TextSpan Span) : RegexNode(Span);

/// <summary>
/// A parenthesised group of any kind. <see cref="Index"/> is the group number of a capturing group (0
/// otherwise); <see cref="AddFlags"/> and <see cref="RemoveFlags"/> belong to scoped-flag groups `(?i-s:...)`.
/// </summary>
public sealed record GroupNode(
    GroupKind Kind, RegexNode Body, int Index, string? Name, RegexFlags AddFlags, RegexFlags RemoveFlags, TextSpan Span)
    : RegexNode(Span);

/// <summary>A repetition; <see cref="Max"/> is null when unbounded.</summary>
public sealed record QuantifierNode(RegexNode Body, long Min, long? Max, QuantifierKind Kind, TextSpan Span)
    : RegexNode(Span);

/// <summary>`\1` or `(?P=name)`: the text group <see cref="Group"/> last captured.</summary>
public sealed record BackreferenceNode(int Group, RegexFlags Flags, TextSpan Span) : RegexNode(Span);

/// <summary>`(?(group)yes|no)`.</summary>
public sealed record ConditionalNode(int Group, RegexNode Yes, RegexNode? No, TextSpan Span) : RegexNode(Span);

/// <summary>An empty negative lookaround `(?!)`: never matches (sre's FAILURE).</summary>
public sealed record FailNode(TextSpan Span) : RegexNode(Span);

public enum AnchorKind
{
    /// <summary>`^`: start of the string, or of a line under MULTILINE.</summary>
    LineStart,
    /// <summary>`$`: end, or before a final newline; before any newline under MULTILINE.</summary>
    LineEnd,
    /// <summary>`\A`.</summary>
    StringStart,
    /// <summary>`\Z`.</summary>
    StringEnd,
    /// <summary>`\b`.</summary>
    WordBoundary,
    /// <summary>`\B`.</summary>
    NotWordBoundary,
}

public enum GroupKind
{
    Capturing,
    NonCapturing,
    ScopedFlags,
    Atomic,
    Lookahead,
    NegativeLookahead,
    Lookbehind,
    NegativeLookbehind,
}

public enum QuantifierKind
{
    Greedy,
    Lazy,
    Possessive,
}

/// <summary>One member of a character class.</summary>
public abstract record ClassItem;

public sealed record ClassLiteral(int CodePoint) : ClassItem;

public sealed record ClassRange(int First, int Last) : ClassItem;

/// <summary>`\d \D \s \S \w \W` inside or outside a class.</summary>
public sealed record ClassCategory(CategoryKind Kind) : ClassItem;

public enum CategoryKind
{
    Digit,
    NotDigit,
    Space,
    NotSpace,
    Word,
    NotWord,
}

/// <summary>
/// A parsed pattern: the root node, the group table and the pattern's flags after CPython's `fix_flags`
/// (str patterns get <see cref="RegexFlags.Unicode"/> unless ASCII was asked for).
/// </summary>
public sealed record RegexTree(
    RegexNode Root, int GroupCount, ImmutableDictionary<string, int> GroupNames, RegexFlags Flags, bool IsBytes,
    string Pattern);
