using System.Text;

namespace PyGuard.Syntax.Text;

/// <summary>
/// Decoded Python source with a table of line starts. Lines end at <c>\n</c>, <c>\r\n</c> or a lone
/// <c>\r</c>, exactly as CPython's universal newlines split them (form feed, vertical tab and the Unicode
/// line separators do not end a line in Python). Column conversions (code points for users, UTF-8 bytes
/// for CPython's dump) are constant time on ASCII lines and use per-line checkpoints on the others, so
/// asking for every node's position in a megabyte-long line stays linear. Thread-safe.
/// </summary>
public sealed class SourceText
{
    private const int CheckpointInterval = 32;

    private readonly int[] _lineStarts;
    private readonly ulong[] _nonAsciiLines;
    private Checkpoints?[]? _checkpoints;

    public SourceText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        HasNonAscii = !Ascii.IsValid(text);
        (_lineStarts, _nonAsciiLines) = ComputeLines(text, HasNonAscii);
    }

    /// <summary>The decoded text, line endings as written.</summary>
    public string Text { get; }

    public int Length => Text.Length;

    /// <summary>Whether any character is outside ASCII; rules about look-alike characters skip pure-ASCII files.</summary>
    /// Computed once: a rule asks it for every identifier.
    public bool HasNonAscii { get; }

    /// <summary>The number of lines; a trailing newline does not start another line.</summary>
    public int LineCount => _lineStarts.Length;

    public char this[int offset] => Text[offset];

    /// <summary>The 1-based line holding <paramref name="offset"/>.</summary>
    public int GetLineNumber(int offset)
    {
        var index = Array.BinarySearch(_lineStarts, offset);
        return index >= 0 ? index + 1 : ~index;
    }

    /// <summary>The offset at which the 1-based <paramref name="line"/> starts.</summary>
    public int GetLineStart(int line) => _lineStarts[line - 1];

    /// <summary>The 1-based line's text without its line ending.</summary>
    public string GetLineText(int line)
    {
        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r'))
        {
            end--;
        }

        return Text[start..end];
    }

    /// <summary>The 1-based line and the 0-based column counted in Unicode code points.</summary>
    public (int Line, int Column) GetCodePointPosition(int offset)
    {
        var line = GetLineNumber(offset);
        var start = _lineStarts[line - 1];
        if (IsAsciiLine(line))
        {
            return (line, offset - start);
        }

        var checkpoints = GetCheckpoints(line);
        var index = (offset - start) / CheckpointInterval;
        var column = checkpoints.CodePoints[index];
        for (var i = start + index * CheckpointInterval; i < offset; i++)
        {
            if (!(char.IsLowSurrogate(Text[i]) && i > start && char.IsHighSurrogate(Text[i - 1])))
            {
                column++;
            }
        }

        return (line, column);
    }

    /// <summary>The 1-based line and the 0-based column counted in UTF-8 bytes, as CPython reports it.</summary>
    public (int Line, int Column) GetUtf8Position(int offset)
    {
        var line = GetLineNumber(offset);
        var start = _lineStarts[line - 1];
        if (IsAsciiLine(line))
        {
            return (line, offset - start);
        }

        var checkpoints = GetCheckpoints(line);
        var index = (offset - start) / CheckpointInterval;
        var from = start + index * CheckpointInterval;
        return (line, checkpoints.Utf8[index] + Utf8Width(Text.AsSpan(from, offset - from)));
    }

    private bool IsAsciiLine(int line) => (_nonAsciiLines[(line - 1) >> 6] & (1UL << ((line - 1) & 63))) == 0;

    /// <summary>Columns at every <see cref="CheckpointInterval"/>-th offset of a non-ASCII line, computed on first use.</summary>
    private sealed class Checkpoints(int[] utf8, int[] codePoints)
    {
        public int[] Utf8 { get; } = utf8;

        public int[] CodePoints { get; } = codePoints;
    }

    private Checkpoints GetCheckpoints(int line)
    {
        var all = Volatile.Read(ref _checkpoints);
        if (all is null)
        {
            Interlocked.CompareExchange(ref _checkpoints, new Checkpoints?[_lineStarts.Length], null);
            all = _checkpoints!;
        }

        if (Volatile.Read(ref all[line - 1]) is { } known)
        {
            return known;
        }

        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        var count = (end - start) / CheckpointInterval + 2;
        var utf8 = new int[count];
        var codePoints = new int[count];
        int utf8Column = 0, codePointColumn = 0;
        for (var k = 1; k < count; k++)
        {
            var from = start + (k - 1) * CheckpointInterval;
            var to = Math.Min(from + CheckpointInterval, Text.Length);
            for (var i = from; i < to; i++)
            {
                if (!(char.IsLowSurrogate(Text[i]) && i > start && char.IsHighSurrogate(Text[i - 1])))
                {
                    codePointColumn++;
                }
            }

            utf8Column += Utf8Width(Text.AsSpan(from, Math.Max(0, to - from)));
            utf8[k] = utf8Column;
            codePoints[k] = codePointColumn;
        }

        var computed = new Checkpoints(utf8, codePoints);
        Volatile.Write(ref all[line - 1], computed);
        return computed;
    }

    /// <summary>UTF-8 length of a slice that may begin or end inside a surrogate pair (each half then counts 2).</summary>
    private static int Utf8Width(ReadOnlySpan<char> slice)
    {
        var width = 0;
        foreach (var c in slice)
        {
            width += c < 0x80 ? 1 : c < 0x800 ? 2 : char.IsSurrogate(c) ? 2 : 3;
        }

        return width;
    }

    /// <summary>The line starts, and which lines hold non-ASCII characters (only looked for when the text has some).</summary>
    private static (int[] LineStarts, ulong[] NonAsciiLines) ComputeLines(string text, bool hasNonAscii)
    {
        var span = text.AsSpan();
        // One line per line break ("\r\n" is one), plus the first, minus one if the text ends with a break.
        var breaks = span.Count('\n') + span.Count('\r') - span.Count("\r\n");
        var endsWithBreak = span.Length > 0 && span[^1] is '\n' or '\r';
        var starts = new int[breaks + (endsWithBreak ? 0 : 1)];
        var nonAscii = new ulong[starts.Length / 64 + 1];
        var count = 0;
        var lineStart = 0;
        while (true)
        {
            var line = count;
            starts[count++] = lineStart;
            var newline = span[lineStart..].IndexOfAny('\n', '\r');
            var lineEnd = newline < 0 ? span.Length : lineStart + newline;
            if (hasNonAscii && !Ascii.IsValid(span[lineStart..lineEnd]))
            {
                nonAscii[line >> 6] |= 1UL << (line & 63);
            }

            if (newline < 0 || count == starts.Length)
            {
                break;
            }

            var next = lineEnd + (span[lineEnd] == '\r' && lineEnd + 1 < span.Length && span[lineEnd + 1] == '\n' ? 2 : 1);
            if (next >= span.Length)
            {
                break;
            }

            lineStart = next;
        }

        if (count != starts.Length)
        {
            Array.Resize(ref starts, count);
        }

        return (starts, nonAscii);
    }

    public override string ToString() => Text;

    /// <summary>Number of UTF-8 bytes of the text; used by limits and statistics.</summary>
    public int Utf8Length => Encoding.UTF8.GetByteCount(Text);
}
