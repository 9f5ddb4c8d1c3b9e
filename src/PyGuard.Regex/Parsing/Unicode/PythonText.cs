using System.Text;

namespace PyGuard.Regex.Parsing.Unicode;

/// <summary>The few str behaviours of CPython that error messages and group names depend on.</summary>
internal static class PythonText
{
    /// <summary>`str.isidentifier()`.</summary>
    public static bool IsIdentifier(ReadOnlySpan<int> codePoints)
    {
        if (codePoints.IsEmpty || !RangeTable.Contains(UnicodeTables.IdentifierStart, codePoints[0]))
        {
            return false;
        }

        foreach (var cp in codePoints[1..])
        {
            if (!RangeTable.Contains(UnicodeTables.IdentifierContinue, cp))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>`repr(s)` of a str.</summary>
    public static string Repr(ReadOnlySpan<int> codePoints) => Quote(codePoints, asciiOnly: false);

    /// <summary>`ascii(s)` of a str: like repr, with every non-ASCII character escaped.</summary>
    public static string Ascii(ReadOnlySpan<int> codePoints) => Quote(codePoints, asciiOnly: true);

    /// <summary>`repr(b)` of a bytes object whose bytes are the code points 0..255.</summary>
    public static string BytesRepr(ReadOnlySpan<int> bytes)
    {
        var quote = bytes.Contains('\'') && !bytes.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder("b").Append(quote);
        foreach (var b in bytes)
        {
            switch (b)
            {
                case '\\': sb.Append(@"\\"); break;
                case '\t': sb.Append(@"\t"); break;
                case '\n': sb.Append(@"\n"); break;
                case '\r': sb.Append(@"\r"); break;
                default:
                    if (b == quote)
                    {
                        sb.Append('\\').Append((char)b);
                    }
                    else if (b < 0x20 || b >= 0x7F)
                    {
                        sb.Append(@"\x").Append(b.ToString("x2"));
                    }
                    else
                    {
                        sb.Append((char)b);
                    }

                    break;
            }
        }

        return sb.Append(quote).ToString();
    }

    public static int[] CodePoints(string text)
    {
        var result = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Add(char.ConvertToUtf32(text[i], text[i + 1]));
                i++;
            }
            else
            {
                result.Add(text[i]);
            }
        }

        return [.. result];
    }

    public static string FromCodePoints(ReadOnlySpan<int> codePoints)
    {
        var sb = new StringBuilder(codePoints.Length);
        foreach (var cp in codePoints)
        {
            AppendCodePoint(sb, cp);
        }

        return sb.ToString();
    }

    public static void AppendCodePoint(StringBuilder sb, int cp)
    {
        if (cp >= 0x10000)
        {
            sb.Append(char.ConvertFromUtf32(cp));
        }
        else
        {
            // Lone surrogates stay as the single UTF-16 unit they are.
            sb.Append((char)cp);
        }
    }

    private static string Quote(ReadOnlySpan<int> codePoints, bool asciiOnly)
    {
        var quote = codePoints.Contains('\'') && !codePoints.Contains('"') ? '"' : '\'';
        var sb = new StringBuilder().Append(quote);
        foreach (var cp in codePoints)
        {
            switch (cp)
            {
                case '\\': sb.Append(@"\\"); break;
                case '\t': sb.Append(@"\t"); break;
                case '\n': sb.Append(@"\n"); break;
                case '\r': sb.Append(@"\r"); break;
                default:
                    if (cp == quote)
                    {
                        sb.Append('\\').Append((char)cp);
                    }
                    else if (cp < 0x20 || cp == 0x7F || (asciiOnly && cp > 0x7F)
                             || (cp > 0x7F && !RangeTable.Contains(UnicodeTables.Printable, cp)))
                    {
                        sb.Append(cp switch
                        {
                            <= 0xFF => @"\x" + cp.ToString("x2"),
                            <= 0xFFFF => @"\u" + cp.ToString("x4"),
                            _ => @"\U" + cp.ToString("x8"),
                        });
                    }
                    else
                    {
                        AppendCodePoint(sb, cp);
                    }

                    break;
            }
        }

        return sb.Append(quote).ToString();
    }
}
