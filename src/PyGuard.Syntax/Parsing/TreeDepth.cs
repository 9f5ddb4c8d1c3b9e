using PyGuard.Syntax.Tree;

namespace PyGuard.Syntax.Parsing;

/// <summary>
/// Measures a tree's depth without recursion (the tree may be deeper than any stack allows), so the
/// parser can refuse trees beyond <see cref="ParseOptions.MaxTreeDepth"/> before anyone walks them.
/// </summary>
internal sealed class TreeDepth : NodeVisitor
{
    private readonly List<Node> _children = [];

    private TreeDepth()
    {
    }

    /// <summary>Whether some path from <paramref name="root"/> has more than <paramref name="maxDepth"/> nodes; if so, the first too-deep node.</summary>
    public static bool Exceeds(Node root, int maxDepth, out Node deepest)
    {
        var collector = new TreeDepth();
        var pending = new Stack<(Node Node, int Depth)>();
        pending.Push((root, 1));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (depth > maxDepth)
            {
                deepest = node;
                return true;
            }

            collector._children.Clear();
            node.VisitChildren(collector);
            for (var i = collector._children.Count - 1; i >= 0; i--)
            {
                pending.Push((collector._children[i], depth + 1));
            }
        }

        deepest = root;
        return false;
    }

    public override void Visit(Node node) => _children.Add(node);
}
