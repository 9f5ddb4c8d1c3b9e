using System.Runtime.CompilerServices;
using PyGuard.Syntax.Tree;

namespace PyGuard.Engine.Analysis;

/// <summary>
/// The one walk per file: visits every node in source order and calls each analyzer's callbacks for
/// that node's kind (a call or attribute callback with a name filter only if the node passes it). An
/// analyzer that throws is reported and skipped for the rest of the file; the walk and the other
/// analyzers go on.
/// </summary>
internal sealed class AnalysisWalker : NodeWalker
{
    private readonly FileAnalysis _analysis;
    private readonly DispatchTable _dispatch;
    private readonly NodePath _path = new();

    // Indexed by the analyzer's slot in the dispatch table: the walk makes one callback per node per
    // interested analyzer, and a dictionary look-up there cost more than most callbacks.
    private readonly NodeContext?[] _contexts;

    // Indexed by name filter: the number of the last filtered node (call or attribute) that passed it. A
    // call's callee names, or an attribute's name, are looked up once for all the filtered callbacks, and
    // a callback whose filter the node did not pass is skipped without being called.
    private readonly int[] _passedAt;
    private int _filtered;

    // Indexed by slot: analyzers whose callbacks this walk skips, because they failed (before the walk or
    // during it) or because their file condition ruled this file out. Checked before every callback, so
    // it is an array rather than the failure set.
    private readonly bool[] _silenced;

    public AnalysisWalker(FileAnalysis analysis, DispatchTable dispatch)
    {
        _analysis = analysis;
        _dispatch = dispatch;
        _contexts = new NodeContext?[dispatch.AnalyzerCount];
        _passedAt = new int[dispatch.FilterCount];
        _silenced = new bool[dispatch.AnalyzerCount];
        for (var slot = 0; slot < _silenced.Length; slot++)
        {
            // A file action that ran before the walk may have failed.
            _silenced[slot] = analysis.HasFailed(dispatch.Analyzers[slot]);
        }

        foreach (var (slot, analyzer, applies) in dispatch.NodeActionConditions)
        {
            try
            {
                _silenced[slot] |= !applies(new FileContext(analysis, analyzer));
            }
            catch (Exception e) when (e is not OutOfMemoryException and not InsufficientExecutionStackException)
            {
                analysis.Fail(analyzer, e, new Syntax.Text.TextSpan(0, 0));
                _silenced[slot] = true;
            }
        }
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

        _path.Push(node);
        var kind = node.Kind;
        var actions = _dispatch.For(kind);
        if (kind == NodeKind.ExprCall && _dispatch.FiltersCalls)
        {
            PassCalleeFilters((ExprCall)node);
        }
        else if (kind == NodeKind.ExprAttribute && _dispatch.FiltersAttributes)
        {
            PassAttributeFilters((ExprAttribute)node);
        }

        for (var i = 0; i < actions.Length; i++)
        {
            var (slot, analyzer, action, filter) = actions[i];
            if (_silenced[slot] || (filter >= 0 && _passedAt[filter] != _filtered))
            {
                continue;
            }

            try
            {
                action(ContextFor(slot, analyzer));
            }
            catch (Exception e) when (e is not OutOfMemoryException and not InsufficientExecutionStackException)
            {
                _analysis.Fail(analyzer, e, node.Span);
                _silenced[slot] = true;
            }
        }

        // Straight to the children: this walker overrides no per-kind method, so Accept would only bounce back here.
        node.VisitChildren(this);
        _path.Pop();
    }

    private void PassCalleeFilters(ExprCall call)
    {
        _filtered++;
        foreach (var name in _analysis.Model.CalleeNames(call))
        {
            foreach (var filter in _dispatch.FiltersPassedByCallee(name))
            {
                _passedAt[filter] = _filtered;
            }
        }
    }

    private void PassAttributeFilters(ExprAttribute attribute)
    {
        _filtered++;
        foreach (var filter in _dispatch.FiltersPassedByAttribute(attribute.Attr))
        {
            _passedAt[filter] = _filtered;
        }
    }
}
