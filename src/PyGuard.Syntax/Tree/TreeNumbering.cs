namespace PyGuard.Syntax.Tree;

/// <summary>
/// Gives every node of a freshly parsed tree its parent and its pre-order index (<see cref="Node.Attach"/>),
/// so that the analysis can walk up the tree and keep per-node facts in arrays. Runs once per tree, as
/// part of building the <see cref="SyntaxTree"/>; the parser bounds the tree's height, so the recursion is
/// bounded too.
/// </summary>
internal sealed class TreeNumbering : NodeVisitor
{
    private Node? _parent;
    private int _next;

    /// <summary>Numbers the tree under <paramref name="root"/> and returns how many nodes it has.</summary>
    public static int Number(Node root)
    {
        var numbering = new TreeNumbering();
        numbering.Visit(root);
        return numbering._next;
    }

    public override void Visit(Node node)
    {
        node.Attach(_parent, _next++);
        var parent = _parent;
        _parent = node;
        node.VisitChildren(this);
        _parent = parent;
    }
}
