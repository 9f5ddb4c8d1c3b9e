using PyGuard.Regex.Parsing.Ast;

namespace PyGuard.Regex.Parsing;

/// <summary>
/// The shortest and longest text a node can match, as sre_parse's SubPattern.getwidth computes it (the
/// look-behind check and the group widths that back-references inherit depend on it). Values saturate at
/// <see cref="Unbounded"/>, which stands for CPython's MAXWIDTH (2**64).
/// </summary>
internal readonly record struct PatternWidth(long Min, long Max)
{
    public const long Unbounded = long.MaxValue;
    public const long MaxRepeat = 4294967295;

    public static readonly PatternWidth Zero = new(0, 0);

    public static PatternWidth Of(RegexNode node, IReadOnlyList<PatternWidth?> groupWidths) => node switch
    {
        LiteralNode or ClassNode or AnyNode => new(1, 1),
        SequenceNode s => s.Items.Aggregate(Zero, (w, item) => w.Then(Of(item, groupWidths))),
        AlternationNode a => a.Branches.Select(b => Of(b, groupWidths))
            .Aggregate((x, y) => new PatternWidth(Math.Min(x.Min, y.Min), Math.Max(x.Max, y.Max))),
        GroupNode { Kind: GroupKind.Lookahead or GroupKind.NegativeLookahead or GroupKind.Lookbehind
            or GroupKind.NegativeLookbehind } => Zero,
        GroupNode g => Of(g.Body, groupWidths),
        QuantifierNode q => Repeat(Of(q.Body, groupWidths), q.Min, q.Max),
        BackreferenceNode r => groupWidths[r.Group] ?? Zero,
        ConditionalNode c => Conditional(Of(c.Yes, groupWidths), c.No is null ? null : Of(c.No, groupWidths)),
        _ => Zero,
    };

    /// <summary>The width of every group of a tree, index 0 unused: what back-references to it count as.</summary>
    public static List<PatternWidth?> OfGroups(RegexNode root, int groupCount)
    {
        var widths = new List<PatternWidth?>(new PatternWidth?[groupCount + 1]);
        Fill(root);
        return widths;

        // Groups close in source order, so a back-reference inside a later group sees the earlier widths.
        void Fill(RegexNode node)
        {
            foreach (var child in Children(node))
            {
                Fill(child);
            }

            if (node is GroupNode { Kind: GroupKind.Capturing } g)
            {
                widths[g.Index] = Of(g.Body, widths);
            }
        }
    }

    public static IEnumerable<RegexNode> Children(RegexNode node) => node switch
    {
        SequenceNode s => s.Items,
        AlternationNode a => a.Branches,
        GroupNode g => [g.Body],
        QuantifierNode q => [q.Body],
        ConditionalNode c => c.No is null ? [c.Yes] : [c.Yes, c.No],
        _ => [],
    };

    public PatternWidth Then(PatternWidth next) => new(Add(Min, next.Min), Add(Max, next.Max));

    private static PatternWidth Repeat(PatternWidth body, long min, long? max) => new(
        Multiply(body.Min, min),
        max is null && body.Max > 0 ? Unbounded : Multiply(body.Max, max ?? MaxRepeat));

    private static PatternWidth Conditional(PatternWidth yes, PatternWidth? no) => no is { } n
        ? new(Math.Min(yes.Min, n.Min), Math.Max(yes.Max, n.Max))
        : new(0, yes.Max);

    private static long Add(long a, long b) => a > Unbounded - b ? Unbounded : a + b;

    private static long Multiply(long a, long b) => a != 0 && b > Unbounded / a ? Unbounded : a * b;
}
