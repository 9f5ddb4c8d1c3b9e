using System.Text;

namespace PyGuard.Regex.Automata;

/// <summary>
/// An immutable set of code points stored as sorted, disjoint, non-adjacent inclusive ranges. Every label of
/// the automata is one; the alphabet is split into the classes these sets never tell apart.
/// </summary>
internal sealed class CharSet : IEquatable<CharSet>
{
    public const int MaxCodePoint = 0x10FFFF;

    public static readonly CharSet Empty = new([]);

    // Pairs (first, last), sorted; never empty ranges, never two that touch.
    private readonly int[] _ranges;

    private CharSet(int[] ranges) => _ranges = ranges;

    public bool IsEmpty => _ranges.Length == 0;

    public int RangeCount => _ranges.Length / 2;

    public static CharSet Range(int first, int last) => first > last ? Empty : new([first, last]);

    public static CharSet Single(int codePoint) => new([codePoint, codePoint]);

    /// <summary>Every code point up to <paramref name="max"/> (0x10FFFF for str patterns, 0xFF for bytes).</summary>
    public static CharSet All(int max) => new([0, max]);

    /// <summary>From inclusive pairs in any order, overlapping or not.</summary>
    public static CharSet FromPairs(IEnumerable<(int First, int Last)> pairs) => Normalize(pairs.ToList());

    public static CharSet FromTable(int[] pairs)
    {
        var list = new List<(int, int)>(pairs.Length / 2);
        for (var i = 0; i < pairs.Length; i += 2)
        {
            list.Add((pairs[i], pairs[i + 1]));
        }

        return Normalize(list);
    }

    public (int First, int Last) RangeAt(int index) => (_ranges[2 * index], _ranges[2 * index + 1]);

    public IEnumerable<(int First, int Last)> Ranges()
    {
        for (var i = 0; i < _ranges.Length; i += 2)
        {
            yield return (_ranges[i], _ranges[i + 1]);
        }
    }

    public bool Contains(int codePoint)
    {
        int lo = 0, hi = RangeCount - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (codePoint < _ranges[2 * mid])
            {
                hi = mid - 1;
            }
            else if (codePoint > _ranges[2 * mid + 1])
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    public int Min => IsEmpty ? throw new InvalidOperationException("empty set") : _ranges[0];

    public CharSet Union(CharSet other)
    {
        if (other.IsEmpty)
        {
            return this;
        }

        return IsEmpty ? other : Normalize([.. Ranges(), .. other.Ranges()]);
    }

    public CharSet Intersect(CharSet other)
    {
        if (IsEmpty || other.IsEmpty)
        {
            return Empty;
        }

        // Intersecting with one range that covers the other set is the common case (the universe).
        if (other.RangeCount == 1 && other._ranges[0] <= _ranges[0] && other._ranges[1] >= _ranges[^1])
        {
            return this;
        }

        if (RangeCount == 1 && _ranges[0] <= other._ranges[0] && _ranges[1] >= other._ranges[^1])
        {
            return other;
        }

        var result = new List<int>();
        int i = 0, j = 0;
        while (i < _ranges.Length && j < other._ranges.Length)
        {
            var lo = Math.Max(_ranges[i], other._ranges[j]);
            var hi = Math.Min(_ranges[i + 1], other._ranges[j + 1]);
            if (lo <= hi)
            {
                result.Add(lo);
                result.Add(hi);
            }

            if (_ranges[i + 1] < other._ranges[j + 1])
            {
                i += 2;
            }
            else
            {
                j += 2;
            }
        }

        return result.Count == 0 ? Empty : new([.. result]);
    }

    public bool Overlaps(CharSet other) => !Intersect(other).IsEmpty;

    public bool IsSubsetOf(CharSet other) => Intersect(this).Equals(Intersect(other));

    /// <summary>The code points from 0 to <paramref name="max"/> not in this set.</summary>
    public CharSet Complement(int max)
    {
        var result = new List<int>();
        var next = 0;
        foreach (var (first, last) in Ranges())
        {
            if (first > max)
            {
                break;
            }

            if (first > next)
            {
                result.Add(next);
                result.Add(first - 1);
            }

            next = last + 1;
        }

        if (next <= max)
        {
            result.Add(next);
            result.Add(max);
        }

        return result.Count == 0 ? Empty : new([.. result]);
    }

    public CharSet Subtract(CharSet other, int max) => Intersect(other.Complement(max));

    public bool Equals(CharSet? other) => other is not null && _ranges.AsSpan().SequenceEqual(other._ranges);

    public override bool Equals(object? obj) => Equals(obj as CharSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var r in _ranges)
        {
            hash.Add(r);
        }

        return hash.ToHashCode();
    }

    public override string ToString()
    {
        var sb = new StringBuilder("[");
        foreach (var (first, last) in Ranges())
        {
            sb.Append(first == last ? $"{first:X}" : $"{first:X}-{last:X}").Append(' ');
        }

        return sb.ToString().TrimEnd() + "]";
    }

    private static CharSet Normalize(List<(int First, int Last)> pairs)
    {
        pairs.RemoveAll(p => p.First > p.Last);
        if (pairs.Count == 0)
        {
            return Empty;
        }

        pairs.Sort((a, b) => a.First.CompareTo(b.First));
        var result = new List<int>(pairs.Count * 2);
        var (lo, hi) = pairs[0];
        foreach (var (first, last) in pairs.Skip(1))
        {
            if (first <= hi + 1)
            {
                hi = Math.Max(hi, last);
            }
            else
            {
                result.Add(lo);
                result.Add(hi);
                (lo, hi) = (first, last);
            }
        }

        result.Add(lo);
        result.Add(hi);
        return new([.. result]);
    }
}
