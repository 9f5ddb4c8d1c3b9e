using PyGuard.Syntax.Tree;

namespace PyGuard.Semantics;

/// <summary>Maps every node to its parent; nodes carry no parent pointer, so it is built on demand.</summary>
internal sealed class ParentMap : NodeWalker
{
    private readonly Dictionary<Node, Node> _parents = new();
    private readonly Stack<Node> _path = new();

    public static Dictionary<Node, Node> Build(Node root)
    {
        var map = new ParentMap();
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
