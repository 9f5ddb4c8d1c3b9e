namespace PyGuard.Regex.Automata;

/// <summary>
/// The coarsest partition of the characters into classes that no label of the automaton tells apart. Each
/// class is a small integer; labels become bit sets over classes, which is what the product constructions
/// intersect. Each class has a representative used to write attack strings.
/// </summary>
internal sealed class Alphabet
{
    private readonly int[] _starts;
    private readonly int[] _classOfInterval;

    private Alphabet(int[] starts, int[] classOfInterval, CharSet[] classes)
    {
        _starts = starts;
        _classOfInterval = classOfInterval;
        Classes = classes;
        Representatives = [.. classes.Select(Representative)];
    }

    public CharSet[] Classes { get; }

    public int[] Representatives { get; }

    public int Count => Classes.Length;

    public static Alphabet Partition(CharSet universe, IEnumerable<CharSet> sets)
    {
        var all = sets.Where(s => !s.IsEmpty).Distinct().ToList();
        var max = universe.RangeAt(0).Last;
        var cuts = new List<int> { 0 };
        foreach (var set in all)
        {
            foreach (var (first, last) in set.Ranges())
            {
                cuts.Add(first);
                if (last < max)
                {
                    cuts.Add(last + 1);
                }
            }
        }

        cuts.Sort();
        var starts = cuts.Distinct().ToArray();
        var signatures = new ulong[starts.Length][];
        var words = (all.Count + 63) / 64;
        for (var i = 0; i < starts.Length; i++)
        {
            signatures[i] = new ulong[words];
        }

        for (var s = 0; s < all.Count; s++)
        {
            foreach (var (first, last) in all[s].Ranges())
            {
                for (var i = Array.BinarySearch(starts, first); i < starts.Length && starts[i] <= last; i++)
                {
                    signatures[i][s / 64] |= 1UL << (s % 64);
                }
            }
        }

        var classIds = new Dictionary<string, int>();
        var classOfInterval = new int[starts.Length];
        var members = new List<List<(int, int)>>();
        for (var i = 0; i < starts.Length; i++)
        {
            // Usually one word of 64 sets; the text key only matters for patterns with more distinct sets.
            var key = words == 1 ? signatures[i][0].ToString(System.Globalization.CultureInfo.InvariantCulture)
                : string.Join(',', signatures[i]);
            if (!classIds.TryGetValue(key, out var id))
            {
                id = members.Count;
                classIds[key] = id;
                members.Add([]);
            }

            classOfInterval[i] = id;
            members[id].Add((starts[i], i + 1 < starts.Length ? starts[i + 1] - 1 : max));
        }
        return new Alphabet(starts, classOfInterval, [.. members.Select(CharSet.FromPairs)]);
    }

    public int ClassOf(int codePoint)
    {
        var i = Array.BinarySearch(_starts, codePoint);
        return _classOfInterval[i >= 0 ? i : ~i - 1];
    }

    /// <summary>The classes a set covers (a set is always a union of whole classes).</summary>
    public BitSet ClassesOf(CharSet set)
    {
        var bits = new BitSet(Count);
        foreach (var (first, last) in set.Ranges())
        {
            var i = Array.BinarySearch(_starts, first);
            for (i = i >= 0 ? i : ~i - 1; i < _starts.Length && _starts[i] <= last; i++)
            {
                bits.Set(_classOfInterval[i]);
            }
        }

        return bits;
    }

    /// <summary>A readable member: printable ASCII if the class has one, else its smallest member.</summary>
    private static int Representative(CharSet set)
    {
        foreach (var preferred in "a0 !A_-.,;:/\\\"'@#xyzbcdXYZ")
        {
            if (set.Contains(preferred))
            {
                return preferred;
            }
        }

        var printable = set.Intersect(CharSet.Range(0x21, 0x7E));
        return printable.IsEmpty ? set.Min : printable.Min;
    }
}

/// <summary>A fixed-size set of small integers.</summary>
internal sealed class BitSet
{
    private readonly ulong[] _words;

    public BitSet(int size) => _words = new ulong[(size + 63) / 64];

    private BitSet(ulong[] words) => _words = words;

    public void Set(int i) => _words[i >> 6] |= 1UL << (i & 63);

    public bool Get(int i) => (_words[i >> 6] & (1UL << (i & 63))) != 0;

    public bool IsEmpty => _words.All(w => w == 0);

    public bool Overlaps(BitSet other)
    {
        for (var i = 0; i < _words.Length; i++)
        {
            if ((_words[i] & other._words[i]) != 0)
            {
                return true;
            }
        }

        return false;
    }

    public BitSet And(BitSet other)
    {
        var words = new ulong[_words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = _words[i] & other._words[i];
        }

        return new BitSet(words);
    }

    /// <summary>The smallest member, or -1.</summary>
    public int First()
    {
        for (var i = 0; i < _words.Length; i++)
        {
            if (_words[i] != 0)
            {
                return i * 64 + System.Numerics.BitOperations.TrailingZeroCount(_words[i]);
            }
        }

        return -1;
    }

    public IEnumerable<int> Members()
    {
        for (var i = 0; i < _words.Length; i++)
        {
            var w = _words[i];
            while (w != 0)
            {
                var bit = System.Numerics.BitOperations.TrailingZeroCount(w);
                yield return i * 64 + bit;
                w &= w - 1;
            }
        }
    }
}
