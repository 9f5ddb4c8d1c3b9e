using PyGuard.Regex.Parsing.Unicode;

namespace PyGuard.Regex.Automata;

/// <summary>
/// Which characters IGNORECASE lets a set match, as sre decides it. For str patterns (Unicode): a character x
/// matches when `unicode_tolower(x)` is among the lowered members of the set or their extra equivalents
/// (re._casefix). For ASCII matching only ASCII letters fold; under LOCALE the folding of common 8-bit locales
/// (Latin-1 letters) is assumed, which can only add characters.
/// </summary>
internal static class CaseFolding
{
    private static readonly Lazy<UnicodeFold> Unicode = new(() => new UnicodeFold(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static CharSet FoldUnicode(CharSet set) => Unicode.Value.Fold(set);

    public static CharSet FoldAscii(CharSet set) => FoldPairs(set, AsciiPairs());

    public static CharSet FoldLatin1(CharSet set) => FoldPairs(set, AsciiPairs().Concat(Latin1Pairs()));

    private static IEnumerable<(int Upper, int Lower)> AsciiPairs()
    {
        for (var c = 'A'; c <= 'Z'; c++)
        {
            yield return (c, c + 32);
        }
    }

    private static IEnumerable<(int Upper, int Lower)> Latin1Pairs()
    {
        for (var c = 0xC0; c <= 0xDE; c++)
        {
            if (c != 0xD7)
            {
                yield return (c, c + 32);
            }
        }
    }

    private static CharSet FoldPairs(CharSet set, IEnumerable<(int Upper, int Lower)> pairs)
    {
        var added = new List<(int, int)>();
        foreach (var (upper, lower) in pairs)
        {
            if (set.Contains(upper) || set.Contains(lower))
            {
                added.Add((upper, upper));
                added.Add((lower, lower));
            }
        }

        return added.Count == 0 ? set : set.Union(CharSet.FromPairs(added));
    }

    private sealed class UnicodeFold
    {
        // Sets of a few characters (literals, short classes) are folded member by member.
        private const int SmallSet = 64;
        private readonly (int Char, int Lower)[] _lower;
        private readonly Dictionary<int, int> _lowerOf = [];
        private readonly ILookup<int, int> _sameLower;
        private readonly CharSet _changedByLower;
        private readonly ILookup<int, int> _extra;

        public UnicodeFold()
        {
            var table = UnicodeTables.Lower;
            _lower = new (int, int)[table.Length / 2];
            for (var i = 0; i < _lower.Length; i++)
            {
                _lower[i] = (table[2 * i], table[2 * i + 1]);
            }

            _changedByLower = CharSet.FromPairs(_lower.Select(p => (p.Char, p.Char)));
            foreach (var (ch, lower) in _lower)
            {
                _lowerOf[ch] = lower;
            }

            _sameLower = _lower.ToLookup(p => p.Lower, p => p.Char);
            var extra = UnicodeTables.ExtraCases;
            _extra = Enumerable.Range(0, extra.Length / 2).ToLookup(i => extra[2 * i], i => extra[2 * i + 1]);
        }

        public CharSet Fold(CharSet set)
        {
            if (Size(set) <= SmallSet)
            {
                return FoldSmall(set);
            }

            // The lowered members: the set less the characters lowering changes, plus what they lower to.
            var lowered = new List<(int, int)>();
            foreach (var (ch, lower) in _lower)
            {
                if (set.Contains(ch))
                {
                    lowered.Add((lower, lower));
                }
            }

            var target = set.Subtract(_changedByLower, CharSet.MaxCodePoint).Union(CharSet.FromPairs(lowered));
            var extras = new List<(int, int)>();
            foreach (var group in _extra)
            {
                if (target.Contains(group.Key))
                {
                    extras.AddRange(group.Select(e => (e, e)));
                }
            }

            target = target.Union(CharSet.FromPairs(extras));

            return Matching(target);
        }

        private CharSet FoldSmall(CharSet set)
        {
            var target = new HashSet<int>();
            foreach (var (first, last) in set.Ranges())
            {
                for (var c = first; c <= last; c++)
                {
                    var lower = _lowerOf.GetValueOrDefault(c, c);
                    target.Add(lower);
                    foreach (var extra in _extra[lower])
                    {
                        target.Add(extra);
                    }
                }
            }

            var matched = new List<(int, int)>();
            foreach (var t in target)
            {
                if (!_lowerOf.ContainsKey(t))
                {
                    matched.Add((t, t));
                }

                matched.AddRange(_sameLower[t].Select(c => (c, c)));
            }

            return CharSet.FromPairs(matched);
        }

        private static long Size(CharSet set) => set.Ranges().Sum(r => (long)r.Last - r.First + 1);

        private CharSet Matching(CharSet target)
        {
            // Everything whose lowering lands in the target matches.
            var matched = new List<(int, int)>();
            foreach (var (ch, lower) in _lower)
            {
                if (target.Contains(lower))
                {
                    matched.Add((ch, ch));
                }
            }

            return target.Subtract(_changedByLower, CharSet.MaxCodePoint).Union(CharSet.FromPairs(matched));
        }
    }
}
