using System.Collections.Immutable;
using System.Runtime.InteropServices;
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

    /// <summary>
    /// The items of every recorded value set, in no particular order, for questions about what a file holds
    /// anywhere. Neighbouring slots often share one set (an argument and the name it reads, a call and its
    /// cached result), so an item array equal by reference to the one just given is skipped; empty sets are
    /// skipped. A struct enumerator over the chunks: every file is read this way, and an iterator's calls per
    /// slot were most of that read's cost.
    /// </summary>
    public ItemArrays AllItems => new(this);

    /// <summary>The item arrays of <see cref="AllItems"/>.</summary>
    public readonly struct ItemArrays(ExpressionValues values)
    {
        public ItemArrayEnumerator GetEnumerator() => new(values);
    }

    /// <summary>Walks the chunks slot by slot, then the side dictionary.</summary>
    public struct ItemArrayEnumerator(ExpressionValues values)
    {
        private int _chunk;
        private int _slot = -1;
        private Value[]? _last;
        private Dictionary<Expr, ValueSet>.ValueCollection.Enumerator _others;
        private bool _inOthers;

        public ImmutableArray<Value> Current { get; private set; }

        public bool MoveNext()
        {
            var chunks = values._chunks;
            while (!_inOthers && _chunk < chunks.Length)
            {
                if (chunks[_chunk] is { } chunk)
                {
                    while (++_slot < chunk.Length)
                    {
                        ref var slot = ref chunk[_slot];
                        if (slot.Owner is not null && Take(slot.Value.Items))
                        {
                            return true;
                        }
                    }
                }

                _chunk++;
                _slot = -1;
            }

            if (values._others is null)
            {
                return false;
            }

            if (!_inOthers)
            {
                _inOthers = true;
                _others = values._others.Values.GetEnumerator();
            }

            while (_others.MoveNext())
            {
                if (Take(_others.Current.Items))
                {
                    return true;
                }
            }

            return false;
        }

        private bool Take(ImmutableArray<Value> items)
        {
            var array = ImmutableCollectionsMarshal.AsArray(items);
            if (array is null || array.Length == 0 || ReferenceEquals(array, _last))
            {
                return false;
            }

            _last = array;
            Current = items;
            return true;
        }
    }

    // The last chunk holds only the nodes left, so a small file gets one array of its own size.
    private Slot[] NewChunk(int index)
    {
        var start = index & ~(ChunkSize - 1);
        var size = Math.Min(ChunkSize, _nodeCount - start);
        return size == ChunkSize ? ChunkPool.Rent() : new Slot[size];
    }

    /// <summary>
    /// Gives the full chunks back to this thread's pool, cleared, once nothing will read these values
    /// again; from then on every expression reads as never recorded.
    /// </summary>
    public void Release()
    {
        for (var i = 0; i < _chunks.Length; i++)
        {
            if (_chunks[i] is { Length: ChunkSize } chunk)
            {
                ChunkPool.Return(chunk);
            }

            _chunks[i] = null;
        }

        _others = null;
    }

    /// <summary>
    /// Full chunks kept per thread from one file to the next. A chunk lives as long as its file's analysis,
    /// which is long enough to be copied by a collection or two on its way to an older generation, where it
    /// then dies; a pooled chunk is promoted once for the life of the thread. A pass over the standard
    /// library allocates 6% less. A thread keeps at most <see cref="MaxPooled"/> chunks (1.5 MB, the slots
    /// of a file of 65,000 nodes).
    /// </summary>
    private static class ChunkPool
    {
        private const int MaxPooled = 32;

        [ThreadStatic]
        private static Stack<Slot[]>? t_chunks;

        public static Slot[] Rent() => t_chunks is { Count: > 0 } chunks ? chunks.Pop() : new Slot[ChunkSize];

        public static void Return(Slot[] chunk)
        {
            var chunks = t_chunks ??= new Stack<Slot[]>(MaxPooled);
            if (chunks.Count < MaxPooled)
            {
                // Cleared now, so that a pooled chunk holds nothing of the file alive and reads as empty when rented.
                Array.Clear(chunk);
                chunks.Push(chunk);
            }
        }
    }

    private struct Slot
    {
        public Expr? Owner;
        public ValueSet Value;
    }
}
