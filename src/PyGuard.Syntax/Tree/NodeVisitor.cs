namespace PyGuard.Syntax.Tree;

/// <summary>Double-dispatch visitor; the per-class methods are generated.</summary>
public abstract partial class NodeVisitor
{
    public virtual void Visit(Node node) => node.Accept(this);

    /// <summary>Called for every class whose Visit method is not overridden.</summary>
    public virtual void DefaultVisit(Node node)
    {
    }
}

/// <summary>Double-dispatch visitor returning a value; the per-class methods are generated.</summary>
public abstract partial class NodeVisitor<TResult>
{
    public virtual TResult Visit(Node node) => node.Accept(this);

    public abstract TResult DefaultVisit(Node node);
}

/// <summary>
/// Visits every node of a tree in source order (pre-order, fields in CPython's order). Override a
/// <c>Visit…</c> method and call the base to keep descending.
/// </summary>
public abstract class NodeWalker : NodeVisitor
{
    public override void DefaultVisit(Node node) => node.VisitChildren(this);
}
