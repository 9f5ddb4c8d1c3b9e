using PyGuard.Syntax.Tree;

namespace PyGuard.Engine.Analysis;

/// <summary>
/// The nodes from the module down to the one being visited: the stack the walk pushes and pops once per
/// node of every file. Nodes are kept in structs rather than in a <c>Node[]</c>: a store into an array of a
/// class with subclasses checks the stored object's type against the array's (arrays are covariant), and
/// with a node kind per subclass that check walked the type hierarchy on every push.
/// </summary>
internal sealed class NodePath
{
    private Slot[] _slots = new Slot[64];

    /// <summary>How many nodes are on the path: the depth of the current node, plus one.</summary>
    public int Count { get; private set; }

    /// <summary>The node being visited.</summary>
    public Node Current => _slots[Count - 1].Node;

    /// <summary>The node <paramref name="index"/> levels below the module (the module is 0).</summary>
    public Node this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return _slots[index].Node;
        }
    }

    public void Push(Node node)
    {
        if (Count == _slots.Length)
        {
            Array.Resize(ref _slots, Count * 2);
        }

        _slots[Count++].Node = node;
    }

    /// <summary>Leaves the current node. Its slot is not cleared: the path, like the walk, lives for one file.</summary>
    public void Pop() => Count--;

    private struct Slot
    {
        public Node Node;
    }
}
