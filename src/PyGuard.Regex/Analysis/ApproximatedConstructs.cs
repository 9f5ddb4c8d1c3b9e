using PyGuard.Regex.Parsing;
using PyGuard.Regex.Parsing.Ast;

namespace PyGuard.Regex.Analysis;

/// <summary>
/// The constructs the automaton only approximates (its language or its paths may be larger than sre's):
/// back-references, conditionals, lookarounds, word boundaries, atomic groups and possessive repeats whose
/// body is more than one character set, and MULTILINE `^`. An attack found on a pattern that has one is
/// confirmed on the backtracking simulator before it is reported.
/// </summary>
internal static class ApproximatedConstructs
{
    public static bool Any(RegexNode node) => node switch
    {
        BackreferenceNode or ConditionalNode => true,
        AnchorNode { Kind: AnchorKind.WordBoundary or AnchorKind.NotWordBoundary } => true,
        AnchorNode { Kind: AnchorKind.LineStart } a => (a.Flags & RegexFlags.Multiline) != 0,
        GroupNode { Kind: GroupKind.Lookahead or GroupKind.NegativeLookahead or GroupKind.Lookbehind or GroupKind.NegativeLookbehind } => true,
        GroupNode { Kind: GroupKind.Atomic, Body: not QuantifierNode { Body: LiteralNode or ClassNode or AnyNode } } => true,
        QuantifierNode { Kind: QuantifierKind.Possessive, Body: not (LiteralNode or ClassNode or AnyNode) } => true,
        _ => PatternWidth.Children(node).Any(Any),
    };
}
