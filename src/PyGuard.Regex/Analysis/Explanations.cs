using PyGuard.Regex.Parsing;
using PyGuard.Regex.Parsing.Ast;
using PyGuard.Regex.Parsing.Unicode;

namespace PyGuard.Regex.Analysis;

/// <summary>Names the sub-pattern behind an ambiguity in words and with its line:column in the pattern.</summary>
internal sealed class Explanations(RegexTree tree)
{
    private readonly int[] _text = PythonText.CodePoints(tree.Pattern);

    public string Exponential(IEnumerable<TextSpan> spans)
    {
        // The pumped paths go round a loop; when loops are nested it is the outer one that repeats them.
        var loops = QuantifiersCovering([.. spans]);
        if (loops.Count == 0)
        {
            return "the pattern can match the same text in exponentially many ways";
        }

        var loop = loops.Count > 1 ? loops[1] : loops[0];
        var kind = Contains(loop.Body, n => n is QuantifierNode { Max: null } or QuantifierNode { Max: > 1 })
            ? "nested quantifier"
            : Contains(loop.Body, n => n is AlternationNode) ? "overlapping alternatives in" : "ambiguous repetition";
        return $"{kind} {Describe(loop)}";
    }

    public string Polynomial(int degree, TextSpan? first, TextSpan? second, bool firstIsSearch)
    {
        var later = second is { } s ? InnermostQuantifierCovering([s]) : null;
        var earlier = first is { } f ? InnermostQuantifierCovering([f]) : null;
        var what = degree == 2 ? "quadratic" : $"degree-{degree} polynomial";
        if (firstIsSearch && later is not null)
        {
            return $"{what} backtracking: {Describe(later)} is retried from every start position of the search";
        }

        if (earlier is not null && later is not null && earlier != later)
        {
            return $"{what} backtracking: {Describe(earlier)} and {Describe(later)} can match the same text";
        }

        return later is not null || earlier is not null
            ? $"{what} backtracking around {Describe((later ?? earlier)!)}"
            : $"{what} backtracking";
    }

    public string Describe(RegexNode node)
    {
        var (line, column) = LineColumn(node.Span.Start);
        var end = Math.Min(node.Span.End, _text.Length);
        var text = PythonText.FromCodePoints(_text.AsSpan(node.Span.Start, Math.Max(0, end - node.Span.Start)));
        if (text.Length > 60)
        {
            text = text[..57] + "...";
        }

        return $"{text} at {line}:{column}";
    }

    private (int Line, int Column) LineColumn(int position)
    {
        int line = 1, lastNewline = -1;
        for (var i = 0; i < position && i < _text.Length; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
                lastNewline = i;
            }
        }

        return (line, position - lastNewline);
    }

    private QuantifierNode? InnermostQuantifierCovering(IReadOnlyList<TextSpan> spans) =>
        QuantifiersCovering(spans).FirstOrDefault();

    /// <summary>The repeating quantifiers whose text covers every span, innermost first.</summary>
    private List<QuantifierNode> QuantifiersCovering(IReadOnlyList<TextSpan> spans)
    {
        var found = new List<QuantifierNode>();
        Visit(tree.Root);
        return [.. found.OrderBy(q => q.Span.Length)];

        void Visit(RegexNode node)
        {
            if (node is QuantifierNode q && q.Max is null or > 1
                && spans.All(s => s.Start >= q.Span.Start && s.End <= q.Span.End))
            {
                found.Add(q);
            }

            foreach (var child in Children(node))
            {
                Visit(child);
            }
        }
    }

    private static bool Contains(RegexNode node, Func<RegexNode, bool> predicate) =>
        predicate(node) || Children(node).Any(c => Contains(c, predicate));

    private static IEnumerable<RegexNode> Children(RegexNode node) => PatternWidth.Children(node);
}
