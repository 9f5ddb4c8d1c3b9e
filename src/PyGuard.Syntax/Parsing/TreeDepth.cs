using PyGuard.Syntax.Tree;

namespace PyGuard.Syntax.Parsing;

/// <summary>
/// Checks a tree against <see cref="ParseOptions.MaxTreeDepth"/> using the heights the node constructors
/// keep, and finds the node where a too-deep tree crosses the bound (for the error's position) by
/// descending along the highest children — no recursion, whatever the depth.
/// </summary>
internal sealed class TreeDepth : NodeVisitor
{
    private Node? _highest;

    private TreeDepth()
    {
    }

    /// <summary>Whether some path from <paramref name="root"/> has more than <paramref name="maxDepth"/> nodes; if so, the first too-deep node.</summary>
    public static bool Exceeds(Node root, int maxDepth, out Node deepest)
    {
        deepest = root;
        if (root.Height <= maxDepth)
        {
            return false;
        }

        var finder = new TreeDepth();
        for (var depth = 1; depth <= maxDepth; depth++)
        {
            finder._highest = null;
            deepest.VisitChildren(finder);
            deepest = finder._highest!;
        }

        return true;
    }

    public override void Visit(Node node)
    {
        if (_highest is null || node.Height > _highest.Height)
        {
            _highest = node;
        }
    }
}
