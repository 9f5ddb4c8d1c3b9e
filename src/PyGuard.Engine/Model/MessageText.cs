using System.Globalization;
using System.Text;

namespace PyGuard.Engine.Model;

/// <summary>
/// Makes text quoted from scanned code safe to print and to serialise: control characters, Unicode
/// bidirectional controls and unpaired surrogates become <c>\uXXXX</c> escapes, so a message can neither
/// reorder a terminal line nor produce invalid UTF-8.
/// </summary>
public static class MessageText
{
    public static string Sanitize(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var paired = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var bad = (char.IsControl(c) && c != '\t') || IsBidi(c) || (char.IsSurrogate(c) && !paired && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])));
            if (bad)
            {
                builder ??= new StringBuilder(text, 0, i, text.Length + 16);
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder?.Append(c);
            }
        }

        return builder?.ToString() ?? text;
    }

    private static bool IsBidi(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
