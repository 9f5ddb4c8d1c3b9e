using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using PyGuard.Regex.Parsing.Unicode;

namespace PyGuard.Regex.Parsing;

/// <summary>
/// An ANTLR character stream over code points, so that the lexer's indices are CPython's positions.
/// ANTLR's own string stream decodes UTF-16 and throws on a lone surrogate, which Python strings (and
/// so patterns such as <c>'[\uD800-\uDFFF]'</c>) may hold; here every code point is just a number.
/// </summary>
internal sealed class CodePointStream(int[] codePoints) : ICharStream
{
    private int _index;

    public int Index => _index;

    public int Size => codePoints.Length;

    public string SourceName => IntStreamConstants.UnknownSourceName;

    public void Consume()
    {
        if (_index >= codePoints.Length)
        {
            throw new InvalidOperationException("cannot consume past the end of the pattern");
        }

        _index++;
    }

    public int LA(int i)
    {
        if (i == 0)
        {
            return 0;
        }

        // LA(1) is the next code point, LA(-1) the one before it.
        var position = i > 0 ? _index + i - 1 : _index + i;
        return position < 0 || position >= codePoints.Length ? IntStreamConstants.EOF : codePoints[position];
    }

    // The whole pattern is in memory, so marks need no bookkeeping.
    public int Mark() => -1;

    public void Release(int marker)
    {
    }

    public void Seek(int index) => _index = Math.Clamp(index, 0, codePoints.Length);

    public string GetText(Interval interval)
    {
        var start = Math.Max(0, interval.a);
        var stop = Math.Min(interval.b, codePoints.Length - 1);
        return stop < start ? string.Empty : PythonText.FromCodePoints(codePoints.AsSpan(start, stop - start + 1));
    }
}
