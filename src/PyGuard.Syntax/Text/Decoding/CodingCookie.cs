namespace PyGuard.Syntax.Text.Decoding;

/// <summary>
/// Finds a PEP 263 coding declaration the way CPython 3.13 does for source bytes: on line 1, or on line 2
/// when line 1 holds nothing but whitespace and a comment; the line must be a comment, and the first
/// "coding" in it directly followed by ':' or '=' and a name of letters, digits, '-', '_' or '.' wins.
/// Lines end at '\n', '\r' or "\r\n" (CPython translates newlines first).
/// </summary>
internal static class CodingCookie
{
    /// <summary>The declared name as CPython normalises it (see <see cref="NormalName"/>), or null.</summary>
    public static string? Find(ReadOnlySpan<byte> source)
    {
        var firstEnd = LineEnd(source, 0);
        var first = source[..firstEnd];
        if (FindInLine(first) is { } name)
        {
            return name;
        }

        if (!IsBlankOrComment(first) || firstEnd >= source.Length)
        {
            return null;
        }

        var secondStart = firstEnd + (source[firstEnd] == '\r' && firstEnd + 1 < source.Length && source[firstEnd + 1] == '\n' ? 2 : 1);
        var second = source[secondStart..LineEnd(source, secondStart)];
        return FindInLine(second);
    }

    private static int LineEnd(ReadOnlySpan<byte> source, int start)
    {
        var end = source[start..].IndexOfAny((byte)'\n', (byte)'\r');
        return end < 0 ? source.Length : start + end;
    }

    private static string? FindInLine(ReadOnlySpan<byte> line)
    {
        var i = 0;
        while (i < line.Length && line[i] is (byte)' ' or (byte)'\t' or (byte)'\f')
        {
            i++;
        }

        if (i >= line.Length || line[i] != '#')
        {
            return null;
        }

        for (; i + 6 < line.Length; i++)
        {
            if (!line[i..].StartsWith("coding"u8) || line[i + 6] is not ((byte)':' or (byte)'='))
            {
                continue;
            }

            var begin = i + 7;
            while (begin < line.Length && line[begin] is (byte)' ' or (byte)'\t')
            {
                begin++;
            }

            var end = begin;
            while (end < line.Length && IsNameByte(line[end]))
            {
                end++;
            }

            if (end > begin)
            {
                return NormalName(System.Text.Encoding.ASCII.GetString(line[begin..end]));
            }
        }

        return null;
    }

    private static bool IsNameByte(byte b) =>
        b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_' or (byte)'.';

    private static bool IsBlankOrComment(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b == '#')
            {
                return true;
            }

            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\f'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// CPython's shortcut for the two encodings it knows itself: spellings of UTF-8 become "utf-8" and of
    /// Latin-1 "iso-8859-1" (judged on the first 12 characters, lower-cased, '_' read as '-'); any other
    /// name is kept as written.
    /// </summary>
    public static string NormalName(string name)
    {
        var head = name.Length > 12 ? name[..12] : name;
        head = head.ToLowerInvariant().Replace('_', '-');
        if (head == "utf-8" || head.StartsWith("utf-8-", StringComparison.Ordinal))
        {
            return "utf-8";
        }

        if (head is "latin-1" or "iso-8859-1" or "iso-latin-1"
            || head.StartsWith("latin-1-", StringComparison.Ordinal)
            || head.StartsWith("iso-8859-1-", StringComparison.Ordinal)
            || head.StartsWith("iso-latin-1-", StringComparison.Ordinal))
        {
            return "iso-8859-1";
        }

        return name;
    }
}
