using System.Collections.Immutable;
using PyGuard.Regex.Parsing.Ast;

namespace PyGuard.Regex.Automata;

/// <summary>
/// Reshapes a parsed tree the way sre_parse reshapes its own output before compiling it, because the shape
/// decides how many ways the backtracker can match: plain non-capturing groups are spliced into their
/// parent; in an alternation, a first item shared by every branch is moved in front of it (so `a|a` becomes
/// `a(?:|)`, two empty branches, which is exponential under a star); branches that are each one literal or
/// positive class become a single class; a class of one literal becomes that literal (or its negation).
/// </summary>
internal static class SreNormalizer
{
    public static RegexNode Normalize(RegexNode node) => AsNode(Sub(node), node.Span);

    /// <summary>sre's _parse_sub: the item list of a (possibly alternated) subpattern.</summary>
    private static List<RegexNode> Sub(RegexNode node)
    {
        if (node is not AlternationNode alternation)
        {
            return Items(node);
        }

        var branches = alternation.Branches.Select(Items).ToList();
        var prefix = new List<RegexNode>();
        while (branches.All(b => b.Count > 0) && branches.Skip(1).All(b => SameItem(b[0], branches[0][0])))
        {
            prefix.Add(branches[0][0]);
            foreach (var b in branches)
            {
                b.RemoveAt(0);
            }
        }

        if (branches.All(b => b.Count == 1 && b[0] is LiteralNode or ClassNode { Negated: false }))
        {
            var flags = branches.Select(b => FlagsOf(b[0])).First();
            var items = branches.SelectMany(b => b[0] is LiteralNode l ? [new ClassLiteral(l.CodePoint)] : ((ClassNode)b[0]).Items)
                .Distinct().ToImmutableArray();
            prefix.Add(Literalize(new ClassNode(false, items, flags, alternation.Span)));
            return prefix;
        }

        prefix.Add(new AlternationNode([.. branches.Select((b, i) => AsNode(b, alternation.Branches[i].Span))], alternation.Span));
        return prefix;
    }

    /// <summary>sre's _parse: the items of one branch, with plain non-capturing groups spliced in.</summary>
    private static List<RegexNode> Items(RegexNode node)
    {
        switch (node)
        {
            case EmptyNode:
                return [];
            case SequenceNode sequence:
                return [.. sequence.Items.SelectMany(Items)];
            case GroupNode { Kind: GroupKind.NonCapturing } group:
                return Sub(group.Body);
            default:
                return [Item(node)];
        }
    }

    private static RegexNode Item(RegexNode node) => node switch
    {
        ClassNode c => Literalize(c),
        GroupNode g => g with { Body = Normalize(g.Body) },
        QuantifierNode q => q with { Body = Normalize(q.Body) },
        ConditionalNode c => c with { Yes = AsNode(Items(c.Yes), c.Yes.Span), No = c.No is null ? null : AsNode(Items(c.No), c.No.Span) },
        _ => node,
    };

    /// <summary>A class with a single literal member is that literal, or sre's NOT_LITERAL when negated.</summary>
    private static RegexNode Literalize(ClassNode node) =>
        node.Items is [ClassLiteral only] && !node.Negated ? new LiteralNode(only.CodePoint, node.Flags, node.Span) : node;

    private static RegexNode AsNode(List<RegexNode> items, TextSpan span) => items.Count switch
    {
        0 => new EmptyNode(new TextSpan(span.Start, 0)),
        1 => items[0],
        _ => new SequenceNode([.. items], items[0].Span.Cover(items[^1].Span)),
    };

    private static RegexFlags FlagsOf(RegexNode node) => node switch
    {
        LiteralNode l => l.Flags,
        ClassNode c => c.Flags,
        _ => RegexFlags.None,
    };

    /// <summary>
    /// sre compares items as tuples: literals, classes (member lists in order), dots, anchors, group
    /// references and failures compare by value; anything holding a subpattern compares by identity.
    /// </summary>
    private static bool SameItem(RegexNode a, RegexNode b) => (a, b) switch
    {
        (LiteralNode x, LiteralNode y) => x.CodePoint == y.CodePoint,
        (ClassNode x, ClassNode y) => x.Negated == y.Negated && x.Items.SequenceEqual(y.Items),
        (AnyNode, AnyNode) => true,
        (AnchorNode x, AnchorNode y) => x.Kind == y.Kind,
        (BackreferenceNode x, BackreferenceNode y) => x.Group == y.Group,
        (FailNode, FailNode) => true,
        _ => false,
    };
}
