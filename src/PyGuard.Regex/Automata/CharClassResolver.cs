using PyGuard.Regex.Parsing.Ast;
using PyGuard.Regex.Parsing.Unicode;

namespace PyGuard.Regex.Automata;

/// <summary>
/// The set of characters a character-reading node matches under the flags in force where it stands: `\d \w
/// \s` by Unicode tables or ASCII, IGNORECASE by sre's folding, `.` with or without DOTALL. Under LOCALE (bytes
/// patterns) the result is the union over common 8-bit locales, so it can only over-approximate.
/// </summary>
internal sealed class CharClassResolver(bool isBytes)
{
    private static readonly CharSet AsciiDigit = CharSet.Range('0', '9');
    private static readonly CharSet AsciiWord = CharSet.FromPairs([('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')]);
    private static readonly CharSet AsciiSpace = CharSet.FromPairs([('\t', '\r'), (' ', ' ')]);
    private static readonly CharSet Latin1Letters = CharSet.FromPairs([(0xAA, 0xAA), (0xB5, 0xB5), (0xBA, 0xBA),
        (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0xFF)]);
    private static readonly Lazy<CharSet> UnicodeDigit = new(() => CharSet.FromTable(UnicodeTables.Digit));
    private static readonly Lazy<CharSet> UnicodeWord = new(() => CharSet.FromTable(UnicodeTables.Word));
    private static readonly Lazy<CharSet> UnicodeSpace = new(() => CharSet.FromTable(UnicodeTables.Space));

    public int MaxChar { get; } = isBytes ? 0xFF : CharSet.MaxCodePoint;

    public CharSet Universe => CharSet.All(MaxChar);

    /// <summary>The characters a literal, class or dot matches; null for any other node.</summary>
    public CharSet? Resolve(RegexNode node) => node switch
    {
        LiteralNode l => Fold(CharSet.Single(l.CodePoint), l.Flags),
        ClassNode c => Class(c),
        AnyNode a => (a.Flags & RegexFlags.DotAll) != 0 ? Universe : Universe.Subtract(CharSet.Single('\n'), MaxChar),
        _ => null,
    };

    /// <summary>What `\w` means under these flags; word boundaries use it too.</summary>
    public CharSet Word(RegexFlags flags) => Category(CategoryKind.Word, flags);

    public CharSet Fold(CharSet set, RegexFlags flags)
    {
        if ((flags & RegexFlags.IgnoreCase) == 0)
        {
            return set;
        }

        if ((flags & RegexFlags.Locale) != 0)
        {
            return CaseFolding.FoldLatin1(set);
        }

        return !isBytes && (flags & RegexFlags.Unicode) != 0 ? CaseFolding.FoldUnicode(set) : CaseFolding.FoldAscii(set);
    }

    private CharSet Class(ClassNode node)
    {
        var set = CharSet.Empty;
        foreach (var item in node.Items)
        {
            set = set.Union(item switch
            {
                ClassLiteral l => CharSet.Single(l.CodePoint),
                ClassRange r => CharSet.Range(r.First, Math.Min(r.Last, MaxChar)),
                ClassCategory c => Category(c.Kind, node.Flags),
                _ => CharSet.Empty,
            });
        }

        set = Fold(set, node.Flags);
        return node.Negated ? set.Complement(MaxChar) : set;
    }

    private CharSet Category(CategoryKind kind, RegexFlags flags)
    {
        var positive = kind switch
        {
            CategoryKind.Digit or CategoryKind.NotDigit => Digit(flags),
            CategoryKind.Space or CategoryKind.NotSpace => Space(flags),
            _ => WordChars(flags),
        };
        return kind is CategoryKind.NotDigit or CategoryKind.NotSpace or CategoryKind.NotWord
            ? positive.Complement(MaxChar)
            : positive;
    }

    private bool IsUnicode(RegexFlags flags) => !isBytes && (flags & RegexFlags.Unicode) != 0;

    private CharSet Digit(RegexFlags flags) => IsUnicode(flags) ? UnicodeDigit.Value : AsciiDigit;

    private CharSet Space(RegexFlags flags)
    {
        if (IsUnicode(flags))
        {
            return UnicodeSpace.Value;
        }

        return (flags & RegexFlags.Locale) != 0
            ? AsciiSpace.Union(CharSet.FromPairs([(0x85, 0x85), (0xA0, 0xA0)]))
            : AsciiSpace;
    }

    private CharSet WordChars(RegexFlags flags)
    {
        if (IsUnicode(flags))
        {
            return UnicodeWord.Value;
        }

        return (flags & RegexFlags.Locale) != 0 ? AsciiWord.Union(Latin1Letters) : AsciiWord;
    }
}
