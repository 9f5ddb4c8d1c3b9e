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

    // Indexed by the analyzer's slot in the dispatch table: the walk makes one callback per node per
    // interested analyzer, and a dictionary look-up there cost more than most callbacks.
    private readonly NodeContext?[] _contexts;

    public AnalysisWalker(FileAnalysis analysis, DispatchTable dispatch)
    {
        _analysis = analysis;
        _dispatch = dispatch;
        _contexts = new NodeContext?[dispatch.AnalyzerCount];
    }

    private NodeContext ContextFor(int slot, Analyzer analyzer) =>
        _contexts[slot] ??= new NodeContext(_analysis, analyzer, _path);

    public override void Visit(Node node)
    {
        // The stack probe is a call into the runtime; every eighth level is often enough, since eight of
        // these frames are far smaller than the headroom the probe guarantees.
        if ((_path.Count & 7) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new InsufficientExecutionStackException("the syntax tree is nested too deeply to analyse");
        }

        _path.Add(node);
        var actions = _dispatch.For(node.Kind);
        for (var i = 0; i < actions.Length; i++)
        {
            var (slot, analyzer, action) = actions[i];
            if (_analysis.HasFailed(analyzer))
            {
                continue;
            }

            try
            {
                var context = ContextFor(slot, analyzer);
                context.Node = node;
                action(context);
            }
            catch (Exception e) when (e is not OutOfMemoryException and not InsufficientExecutionStackException)
            {
                _analysis.Fail(analyzer, e, node.Span);
            }
        }

        // Straight to the children: this walker overrides no per-kind method, so Accept would only bounce back here.
        node.VisitChildren(this);
        _path.RemoveAt(_path.Count - 1);
    }
}

/// <summary>Callbacks indexed by node kind, built once from every analyzer's registration.</summary>
internal sealed class DispatchTable
{
    private readonly (int Slot, Analyzer Analyzer, Action<NodeContext> Action)[][] _byKind;

    public DispatchTable(IReadOnlyList<AnalysisRegistration> registrations)
    {
        var kinds = Enum.GetValues<NodeKind>();
        var lists = new List<(int, Analyzer, Action<NodeContext>)>[kinds.Max(k => (int)k) + 1];
        var fileActions = new List<(Analyzer, Action<FileContext>)>();
        for (var slot = 0; slot < registrations.Count; slot++)
        {
            var registration = registrations[slot];
            foreach (var (kind, action) in registration.NodeActions)
            {
                (lists[(int)kind] ??= []).Add((slot, registration.Analyzer, action));
            }

            fileActions.AddRange(registration.FileActions.Select(a => (registration.Analyzer, a)));
        }

        _byKind = [.. lists.Select(l => l?.ToArray() ?? [])];
        FileActions = [.. fileActions];
        AnalyzerCount = registrations.Count;
    }

    /// <summary>How many analyzers registered; each has a slot below this number.</summary>
    public int AnalyzerCount { get; }

    public (Analyzer Analyzer, Action<FileContext> Action)[] FileActions { get; }

    public (int Slot, Analyzer Analyzer, Action<NodeContext> Action)[] For(NodeKind kind) => _byKind[(int)kind];
}
