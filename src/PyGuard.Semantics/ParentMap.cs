using PyGuard.Syntax.Tree;

namespace PyGuard.Semantics;

/// <summary>Maps every node to its parent; nodes carry no parent pointer, so it is built on demand.</summary>
internal sealed class ParentMap : NodeWalker
{
    private readonly Dictionary<Node, Node> _parents;
    private readonly Stack<Node> _path = new();

    private ParentMap(int capacity) => _parents = new Dictionary<Node, Node>(capacity);

    /// <summary>The map for the tree under <paramref name="root"/>; <paramref name="nodeCount"/> sizes it (a hint).</summary>
    public static Dictionary<Node, Node> Build(Node root, int nodeCount)
    {
        var map = new ParentMap(nodeCount);
        map.Visit(root);
        return map._parents;
    }

    public override void Visit(Node node)
    {
        if (_path.TryPeek(out var parent))
        {
            _parents[node] = parent;
        }

        _path.Push(node);
        base.Visit(node);
        _path.Pop();
    }
}
