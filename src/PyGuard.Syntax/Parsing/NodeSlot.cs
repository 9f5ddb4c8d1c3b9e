using PyGuard.Syntax.Tree;

namespace PyGuard.Syntax.Parsing;

/// <summary>
/// An entry of the parser's node stack. Storing a node into a <c>Node[]</c> makes the runtime check that
/// the node fits the array's actual element type (arrays are covariant), a check that profiling showed
/// on every push; storing it into a field of a struct array needs none.
/// </summary>
internal struct NodeSlot
{
    public Node? Node;
}
