using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Semantics.Interpretation;

/// <summary>
/// The value set recorded for each expression, in slots indexed by <see cref="Node.Index"/>. Every
/// analyzer asks for the value of nearly every expression, and the interpreter records one per
/// evaluation, so this replaces a dictionary whose hashing and resizing were a visible part of a scan.
/// A slot also keeps its expression, so a node of another tree (or one made by the analysis, which has
/// no index) is never mistaken for the node that owns the slot; those few go to a side dictionary.
/// </summary>
/// <remarks>
/// The slots live in chunks made on first use rather than in one array sized to the tree: a large file's
/// single array went to the large object heap, which only a full collection reclaims, and those arrays
/// alone triggered most full collections of a scan.
/// </remarks>
internal sealed class ExpressionValues
{
    // 2,048 slots of 24 bytes stay below the 85,000-byte threshold of the large object heap.
    private const int ChunkBits = 11;
    private const int ChunkSize = 1 << ChunkBits;

    private readonly int _nodeCount;
    private readonly Slot[]?[] _chunks;
    private Dictionary<Expr, ValueSet>? _others;

    public ExpressionValues(int nodeCount)
    {
        _nodeCount = nodeCount;
        _chunks = new Slot[]?[(nodeCount + ChunkSize - 1) >> ChunkBits];
    }

    /// <summary>The slot for <paramref name="expr"/>, created empty when it had none (<paramref name="exists"/> false).</summary>
    public ref ValueSet GetOrAddSlot(Expr expr, out bool exists)
    {
        var index = expr.Index;
        if ((uint)index < (uint)_nodeCount)
        {
            var chunk = _chunks[index >> ChunkBits] ??= NewChunk(index);
            ref var slot = ref chunk[index & (ChunkSize - 1)];
            if (slot.Owner is null)
            {
                slot.Owner = expr;
                exists = false;
                return ref slot.Value;
            }

            if (ReferenceEquals(slot.Owner, expr))
            {
                exists = true;
                return ref slot.Value;
            }
        }

        _others ??= [];
        return ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_others, expr, out exists);
    }

    public bool TryGetValue(Expr expr, out ValueSet value)
    {
        var index = expr.Index;
        if ((uint)index < (uint)_nodeCount && _chunks[index >> ChunkBits] is { } chunk)
        {
            ref var slot = ref chunk[index & (ChunkSize - 1)];
            if (ReferenceEquals(slot.Owner, expr))
            {
                value = slot.Value;
                return true;
            }
        }

        if (_others is not null)
        {
            return _others.TryGetValue(expr, out value);
        }

        value = default;
        return false;
    }

    /// <summary>Every recorded value set, in no particular order.</summary>
    public IEnumerable<ValueSet> All
    {
        get
        {
            foreach (var chunk in _chunks)
            {
                if (chunk is null)
                {
                    continue;
                }

                for (var i = 0; i < chunk.Length; i++)
                {
                    if (chunk[i].Owner is not null)
                    {
                        yield return chunk[i].Value;
                    }
                }
            }

            if (_others is not null)
            {
                foreach (var value in _others.Values)
                {
                    yield return value;
                }
            }
        }
    }

    // The last chunk holds only the nodes left, so a small file gets one array of its own size.
    private Slot[] NewChunk(int index)
    {
        var start = index & ~(ChunkSize - 1);
        return new Slot[Math.Min(ChunkSize, _nodeCount - start)];
    }

    private struct Slot
    {
        public Expr? Owner;
        public ValueSet Value;
    }
}
