using System.Runtime.CompilerServices;
using PyGuard.Syntax.Tree;

namespace PyGuard.Engine.Analysis;

/// <summary>
/// The one walk per file: visits every node in source order and calls each analyzer's callbacks for
/// that node's kind. An analyzer that throws is reported and skipped for the rest of the file; the walk
/// and the other analyzers go on.
/// </summary>
internal sealed class AnalysisWalker : NodeWalker
{
    private readonly FileAnalysis _analysis;
    private readonly DispatchTable _dispatch;
    private readonly List<Node> _path = [];
    private readonly Dictionary<Analyzer, NodeContext> _contexts = [];

    public AnalysisWalker(FileAnalysis analysis, DispatchTable dispatch)
    {
        _analysis = analysis;
        _dispatch = dispatch;
    }

    private NodeContext ContextFor(Analyzer analyzer)
    {
        if (!_contexts.TryGetValue(analyzer, out var context))
        {
            context = new NodeContext(_analysis, analyzer, _path);
            _contexts[analyzer] = context;
        }

        return context;
    }

    public override void Visit(Node node)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new InsufficientExecutionStackException("the syntax tree is nested too deeply to analyse");
        }

        _path.Add(node);
        var actions = _dispatch.For(node.Kind);
        for (var i = 0; i < actions.Length; i++)
        {
            var (analyzer, action) = actions[i];
            if (_analysis.HasFailed(analyzer))
            {
                continue;
            }

            try
            {
                var context = ContextFor(analyzer);
                context.Node = node;
                action(context);
            }
            catch (Exception e) when (e is not OutOfMemoryException and not InsufficientExecutionStackException)
            {
                _analysis.Fail(analyzer, e, node.Span);
            }
        }

        node.Accept(this);
        _path.RemoveAt(_path.Count - 1);
    }
}

/// <summary>Callbacks indexed by node kind, built once from every analyzer's registration.</summary>
internal sealed class DispatchTable
{
    private readonly (Analyzer, Action<NodeContext>)[][] _byKind;

    public DispatchTable(IEnumerable<AnalysisRegistration> registrations)
    {
        var kinds = Enum.GetValues<NodeKind>();
        var lists = new List<(Analyzer, Action<NodeContext>)>[kinds.Max(k => (int)k) + 1];
        var fileActions = new List<(Analyzer, Action<FileContext>)>();
        foreach (var registration in registrations)
        {
            foreach (var (kind, action) in registration.NodeActions)
            {
                (lists[(int)kind] ??= []).Add((registration.Analyzer, action));
            }

            fileActions.AddRange(registration.FileActions.Select(a => (registration.Analyzer, a)));
        }

        _byKind = [.. lists.Select(l => l?.ToArray() ?? [])];
        FileActions = [.. fileActions];
    }

    public (Analyzer Analyzer, Action<FileContext> Action)[] FileActions { get; }

    public (Analyzer Analyzer, Action<NodeContext> Action)[] For(NodeKind kind) => _byKind[(int)kind];
}
