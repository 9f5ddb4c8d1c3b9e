using System.Text;

using PyGuard.Syntax.Lexing.Unicode;

namespace PyGuard.Syntax.Parsing;

/// <summary>
/// Turns the spelling of a NAME token into its identifier (NFKC-normalised when not ASCII, PEP 3131),
/// handing back the string made the last time the same spelling was met, in this parse or an earlier one
/// on the same thread. A scan parses file after file, and most names ("self", "os", "len"...) recur across
/// files: they are allocated once per thread rather than once per file.
/// <para>
/// The table has a fixed size and a new spelling replaces an old one when its few candidate slots are
/// taken, so memory stays bounded and a lookup costs a bounded number of comparisons whatever names the
/// source holds (colliding names only miss and are allocated again). Equal spellings therefore usually,
/// not always, give the same string instance; identifiers are compared by value.
/// </para>
/// </summary>
internal sealed class IdentifierTable
{
    /// <summary>Slots a spelling may occupy, starting at its hash: the bound on comparisons per lookup.</summary>
    private const int Ways = 4;

    [ThreadStatic]
    private static IdentifierTable? t_forThread;

    private readonly Entry[] _entries;
    private readonly int _mask;

    /// <param name="capacity">The number of slots, a power of two.</param>
    internal IdentifierTable(int capacity)
    {
        if (capacity < Ways || (capacity & (capacity - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "must be a power of two of at least 4");
        }

        _entries = new Entry[capacity];
        _mask = capacity - 1;
    }

    /// <summary>The table of the calling thread (parses on one thread never overlap).</summary>
    public static IdentifierTable ForCurrentThread() => t_forThread ??= new IdentifierTable(8192);

    public string Intern(ReadOnlySpan<char> spelling)
    {
        var hash = Hash(spelling);
        var first = (int)hash & _mask;
        for (var way = 0; way < Ways; way++)
        {
            var slot = (first + way) & _mask;
            ref readonly var entry = ref _entries[slot];
            if (entry.Spelling is null)
            {
                return Add(slot, hash, spelling);
            }

            if (entry.Hash == hash && spelling.SequenceEqual(entry.Spelling))
            {
                return entry.Identifier;
            }
        }

        // Every candidate slot holds another spelling: the new one replaces the one at its hash.
        return Add(first, hash, spelling);
    }

    private string Add(int slot, uint hash, ReadOnlySpan<char> spelling)
    {
        var text = spelling.ToString();
        var identifier = Ascii.IsValid(spelling) ? text : Nfkc.Normalize(text);
        _entries[slot] = new Entry(hash, text, identifier);
        return identifier;
    }

    /// <summary>FNV-1a over the characters, with the high bits folded in so that the slot index uses them too.</summary>
    private static uint Hash(ReadOnlySpan<char> spelling)
    {
        var hash = 2166136261u;
        foreach (var c in spelling)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash ^ (hash >> 16);
    }

    private readonly record struct Entry(uint Hash, string Spelling, string Identifier);
}
