using System.Globalization;

namespace PyGuard.Regex.Parsing;

/// <summary>
/// Reads the letters of `(?aiLmsux-imsx:...)` and `(?aiLmsux)` with the checks, messages and positions of
/// sre_parse's _parse_flags. The lexer has already cut the token as `(?`, a run of flag letters and dashes,
/// and the character that ended it (if any).
/// </summary>
internal readonly record struct InlineFlags(RegexFlags Add, RegexFlags Remove, bool Global);

internal static class InlineFlagsReader
{
    private const RegexFlags TypeFlags = RegexFlags.Ascii | RegexFlags.Locale | RegexFlags.Unicode;

    /// <summary>The flags turned on and off, and whether the group is a global-flags group `(?...)`.</summary>
    public static InlineFlags Read(PatternSource source, int start, bool isBytes)
    {
        // `index` is the position of the character being looked at; sre's tell() after reading it is index+1.
        var index = start + 2;
        var add = RegexFlags.None;
        var remove = RegexFlags.None;
        var ch = source.At(index);
        if (ch != '-')
        {
            while (true)
            {
                var flag = FlagOf(ch);
                if (!isBytes && ch == 'L')
                {
                    throw source.Error("bad inline flags: cannot use 'L' flag with a str pattern", index + 1);
                }

                if (isBytes && ch == 'u')
                {
                    throw source.Error("bad inline flags: cannot use 'u' flag with a bytes pattern", index + 1);
                }

                add |= flag;
                if ((flag & TypeFlags) != 0 && (add & TypeFlags) != flag)
                {
                    throw source.Error("bad inline flags: flags 'a', 'u' and 'L' are incompatible", index + 1);
                }

                index++;
                source.RejectLoneTrailingBackslash(index);
                ch = source.At(index);
                if (ch < 0)
                {
                    throw source.Error("missing -, : or )", index);
                }

                if (ch is ')' or '-' or ':')
                {
                    break;
                }

                if (FlagOf(ch) == RegexFlags.None)
                {
                    throw source.Error(IsAlpha(source, index) ? "unknown flag" : "missing -, : or )", index);
                }
            }
        }

        if (ch == ')')
        {
            return new InlineFlags(add, RegexFlags.None, Global: true);
        }

        if (ch == '-')
        {
            index++;
            source.RejectLoneTrailingBackslash(index);
            ch = source.At(index);
            if (ch < 0)
            {
                throw source.Error("missing flag", index);
            }

            if (FlagOf(ch) == RegexFlags.None)
            {
                throw source.Error(IsAlpha(source, index) ? "unknown flag" : "missing flag", index);
            }

            while (true)
            {
                var flag = FlagOf(ch);
                if ((flag & TypeFlags) != 0)
                {
                    throw source.Error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'", index + 1);
                }

                remove |= flag;
                index++;
                source.RejectLoneTrailingBackslash(index);
                ch = source.At(index);
                if (ch < 0)
                {
                    throw source.Error("missing :", index);
                }

                if (ch == ':')
                {
                    break;
                }

                if (FlagOf(ch) == RegexFlags.None)
                {
                    throw source.Error(IsAlpha(source, index) ? "unknown flag" : "missing :", index);
                }
            }
        }

        if ((add & remove) != 0)
        {
            throw source.Error("bad inline flags: flag turned on and off", index);
        }

        return new InlineFlags(add, remove, Global: false);
    }

    public static RegexFlags FlagOf(int ch) => ch switch
    {
        'i' => RegexFlags.IgnoreCase,
        'L' => RegexFlags.Locale,
        'm' => RegexFlags.Multiline,
        's' => RegexFlags.DotAll,
        'x' => RegexFlags.Verbose,
        'a' => RegexFlags.Ascii,
        'u' => RegexFlags.Unicode,
        _ => RegexFlags.None,
    };

    /// <summary>sre reads an escape as one two-character token, and such a token is never `isalpha()`.</summary>
    private static bool IsAlpha(PatternSource source, int index)
    {
        var ch = source.At(index);
        return ch != '\\' && ch >= 0 && CharUnicodeInfo.GetUnicodeCategory(ch) is UnicodeCategory.UppercaseLetter
            or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.OtherLetter;
    }
}
