using System.Text;

namespace PyGuard.Syntax.Text;

/// <summary>
/// Decoded Python source with a table of line starts. Lines end at <c>\n</c>, <c>\r\n</c> or a lone
/// <c>\r</c>, exactly as CPython's universal newlines split them (form feed, vertical tab and the Unicode
/// line separators do not end a line in Python).
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string text)
    {
        Text = text;
        _lineStarts = ComputeLineStarts(text);
    }

    /// <summary>The decoded text, line endings as written.</summary>
    public string Text { get; }

    public int Length => Text.Length;

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
        var column = 0;
        for (var i = start; i < offset; i++)
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
        var column = 0;
        for (var i = start; i < offset; i++)
        {
            var c = Text[i];
            if (c < 0x80)
            {
                column += 1;
            }
            else if (c < 0x800)
            {
                column += 2;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < offset && char.IsLowSurrogate(Text[i + 1]))
            {
                column += 4;
                i++;
            }
            else
            {
                // Lone surrogates cannot come from decoding; they count as CPython's surrogateescape would.
                column += 3;
            }
        }

        return (line, column);
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int>(Math.Max(16, text.Length / 32)) { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                if (i + 1 < text.Length)
                {
                    starts.Add(i + 1);
                }
            }
            else if (c == '\n' && i + 1 < text.Length)
            {
                starts.Add(i + 1);
            }
        }

        return starts.ToArray();
    }

    public override string ToString() => Text;

    /// <summary>Number of UTF-8 bytes of the text; used by limits and statistics.</summary>
    public int Utf8Length => Encoding.UTF8.GetByteCount(Text);
}
