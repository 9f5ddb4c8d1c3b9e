using System.Collections.Immutable;
using PyGuard.Engine.Analysis;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Common;

/// <summary>
/// The expressions a node hands on to other code as values rather than calling them: a call's arguments
/// (not its callee), the items of a container literal, what a <c>return</c>, <c>yield</c> or lambda gives
/// back, and default values. Used by the rules that report a dangerous function passed around instead of
/// called, where the call that runs it is out of sight. One list per analyzer and file, refilled per node.
/// </summary>
internal sealed class HandedOnValues : NodeVisitor
{
    /// <summary>The node kinds whose children are handed on; the rules register for these alone, since they are few.</summary>
    public static readonly ImmutableArray<NodeKind> Parents =
    [
        NodeKind.ExprCall, NodeKind.Keyword, NodeKind.ExprList, NodeKind.ExprTuple, NodeKind.ExprSet, NodeKind.ExprDict,
        NodeKind.ExprStarred, NodeKind.StmtReturn, NodeKind.ExprLambda, NodeKind.ExprYield, NodeKind.ExprYieldFrom, NodeKind.Arguments,
    ];

    private readonly List<Expr> _values = [];
    private Node? _parent;

    /// <summary>
    /// Each expression the node in <paramref name="context"/> hands on that may be one of
    /// <paramref name="names"/>, with the first such name.
    /// </summary>
    public static IEnumerable<(Expr Expr, string Name)> References(NodeContext context, IReadOnlySet<string> names)
    {
        foreach (var expr in context.FileState<HandedOnValues>().Collect(context.Node))
        {
            foreach (var item in context.Model.ValueOf(expr).Items)
            {
                if (item is RefValue r && names.Contains(r.QualifiedName))
                {
                    yield return (expr, r.QualifiedName);
                    break;
                }
            }
        }
    }

    private List<Expr> Collect(Node parent)
    {
        _values.Clear();
        _parent = parent;
        parent.VisitChildren(this);
        return _values;
    }

    public override void Visit(Node node)
    {
        var passable = node is ExprName { Ctx: ExprContext.Load } or ExprAttribute { Ctx: ExprContext.Load } or ExprSubscript { Ctx: ExprContext.Load } or ExprCall;

        // A call's callee is called, not handed on.
        if (passable && !(_parent is ExprCall call && ReferenceEquals(call.Func, node)))
        {
            _values.Add((Expr)node);
        }
    }
}
