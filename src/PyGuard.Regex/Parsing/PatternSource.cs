using System.Text;
using PyGuard.Regex.Parsing.Unicode;

namespace PyGuard.Regex.Parsing;

/// <summary>
/// The pattern as CPython sees it: a sequence of code points (bytes for a bytes pattern), with the
/// position at which the parser currently stands for ordering errors.
/// </summary>
internal sealed class PatternSource(int[] codePoints, bool isBytes)
{
    public int[] CodePoints { get; } = codePoints;

    public bool IsBytes { get; } = isBytes;

    public int Length => CodePoints.Length;

    /// <summary>Where sre_parse stands while the builder handles the current token.</summary>
    public int DetectionPoint { get; set; }

    /// <summary>The code point at <paramref name="index"/>, or -1 past the end.</summary>
    public int At(int index) => index >= 0 && index < CodePoints.Length ? CodePoints[index] : -1;

    /// <summary>
    /// A token that swallowed the pattern's last character may have swallowed a lone backslash, which sre's
    /// tokenizer rejects as soon as it reaches it.
    /// </summary>
    public void RejectLoneTrailingBackslash(int index)
    {
        if (index == Length - 1 && CodePoints[index] == '\\')
        {
            throw Error("bad escape (end of pattern)", index);
        }
    }

    public string Text(int start, int end) => PythonText.FromCodePoints(CodePoints.AsSpan(start, end - start));

    public ReadOnlySpan<int> Span(int start, int end) => CodePoints.AsSpan(start, end - start);

    /// <summary>An error found at the current token; CPython escapes non-ASCII text in bytes-pattern messages.</summary>
    public PatternError Error(string message, int? position) => ErrorDetectedAt(message, position, DetectionPoint);

    public PatternError ErrorDetectedAt(string message, int? position, int detectedAt) =>
        new(IsBytes ? BackslashReplace(message) : message, position, detectedAt);

    /// <summary>`repr` of a name as CPython quotes it in messages (`%r` for str patterns).</summary>
    public string Repr(int start, int end) => PythonText.Repr(Span(start, end));

    private static string BackslashReplace(string message)
    {
        var sb = new StringBuilder(message.Length);
        foreach (var rune in message.EnumerateRunes())
        {
            var v = rune.Value;
            sb.Append(v switch
            {
                < 0x80 => ((char)v).ToString(),
                <= 0xFF => @"\x" + v.ToString("x2"),
                <= 0xFFFF => @"\u" + v.ToString("x4"),
                _ => @"\U" + v.ToString("x8"),
            });
        }

        return sb.ToString();
    }
}
