using System.Collections.Immutable;
using PyGuard.Engine.Model;
using PyGuard.Engine.Policies;
using PyGuard.Semantics;
using PyGuard.Syntax;
using PyGuard.Syntax.Text;
using PyGuard.Syntax.Tree;

namespace PyGuard.Engine.Analysis;

/// <summary>What a per-file callback sees: the tree, the semantic model, the policy, and a way to report.</summary>
public class FileContext
{
    private readonly FileAnalysis _analysis;

    internal FileContext(FileAnalysis analysis, Analyzer analyzer)
    {
        _analysis = analysis;
        Analyzer = analyzer;
    }

    internal Analyzer Analyzer { get; }

    public SyntaxTree Tree => _analysis.Tree;

    public SourceText Text => _analysis.Tree.Text;

    public SemanticModel Model => _analysis.Model;

    public Policy Policy => _analysis.Policy;

    /// <summary>Reports a finding at a node with the rule's default severity and confidence.</summary>
    public void Report(RuleDescriptor rule, Node node, params object?[] messageArgs) =>
        Report(rule, node.Span, null, null, messageArgs);

    /// <summary>Reports a finding at a span, optionally with a severity or confidence of its own.</summary>
    public void Report(RuleDescriptor rule, TextSpan span, Severity? severity, Confidence? confidence, params object?[] messageArgs) =>
        _analysis.Report(Analyzer, rule, span, severity, confidence, rule.FormatMessage(messageArgs), []);

    /// <summary>Reports a data-flow finding with the steps from source to sink.</summary>
    public void ReportFlow(RuleDescriptor rule, TextSpan span, ImmutableArray<(TextSpan Span, string Message)> steps, Severity? severity, Confidence? confidence, params object?[] messageArgs) =>
        _analysis.Report(Analyzer, rule, span, severity, confidence, rule.FormatMessage(messageArgs), steps);

    /// <summary>
    /// Scans Python source that the file carries inside a constant (an exec'd or decoded payload) with
    /// every analyzer, and reports what it finds at <paramref name="site"/>. Bounded in depth.
    /// </summary>
    public void ScanEmbeddedSource(string source, Node site, string description) =>
        _analysis.ScanEmbedded(source, site, description);

    /// <summary>
    /// The analyzer's state for the file being scanned: made on first use, then the same object for each
    /// of the analyzer's callbacks on this file and for no other analyzer or file. An analyzer keeps one
    /// type of state (asking with another is an error).
    /// </summary>
    public T FileState<T>()
        where T : class, new() => _analysis.StateOf<T>(Analyzer);

    /// <summary>The 1-based line and column of an offset, in code points.</summary>
    public SourceLocation LocationOf(TextSpan span) => _analysis.LocationOf(span);
}

/// <summary>What a node callback sees: the node, its ancestors (nearest last) and everything a file callback sees.</summary>
/// <remarks>
/// One context per analyzer is reused for every node of a walk (allocating one per callback dominated the
/// walk's cost): it reads the node from the walk's path, so a context is valid only during the callback it
/// is passed to.
/// </remarks>
public sealed class NodeContext : FileContext
{
    private readonly NodePath _path;

    internal NodeContext(FileAnalysis analysis, Analyzer analyzer, NodePath path)
        : base(analysis, analyzer) => _path = path;

    public Node Node => _path.Current;

    /// <summary>The node's parent, or null for the module.</summary>
    public Node? Parent => _path.Count >= 2 ? _path[_path.Count - 2] : null;

    /// <summary>The ancestors of the node, nearest first (the node itself excluded).</summary>
    public IEnumerable<Node> Ancestors
    {
        get
        {
            for (var i = _path.Count - 2; i >= 0; i--)
            {
                yield return _path[i];
            }
        }
    }

    /// <summary>
    /// Reports a finding at the node being visited. It has its own name because an overload of
    /// <c>Report</c> taking only message arguments would silently capture calls meant for another node.
    /// </summary>
    public void ReportHere(RuleDescriptor rule, params object?[] messageArgs) => Report(rule, Node.Span, null, null, messageArgs);
}
