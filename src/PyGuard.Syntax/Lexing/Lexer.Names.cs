using System.Globalization;
using System.Text;

using PyGuard.Syntax.Lexing.Unicode;

namespace PyGuard.Syntax.Lexing;

internal sealed partial class Lexer
{
    /// <summary>
    /// Reads an identifier or keyword, or a string whose prefix it turns out to be. Like CPython, every
    /// non-ASCII character is taken as part of the name first and the name is validated afterwards, so an
    /// invalid character is reported as such rather than as a stray token.
    /// </summary>
    private Token ReadNameOrPrefixedString()
    {
        // Locals rather than fields in the loop: it runs for every character of every name.
        var text = _text;
        var start = _pos;
        var end = start;
        var ascii = true;
        while ((uint)end < (uint)text.Length && IsNameChar(text[end]))
        {
            ascii &= text[end] < 0x80;
            end++;
        }

        _pos = end;
        if (end < text.Length && text[end] is '\'' or '"' && ascii && end - start <= 2)
        {
            var prefix = ParsePrefix(text.AsSpan(start, end - start));
            if (prefix != StringPrefix.Invalid)
            {
                return ReadString(start, end, prefix);
            }
        }

        if (!ascii)
        {
            ThrowIfInvalidUtf8(new Token(TokenKind.Name, start, end));
            ValidateIdentifier(start, end);
            return new Token(TokenKind.Name, start, end);
        }

        return new Token(Keywords.Classify(text.AsSpan(start, end - start)), start, end);
    }

    private StringPrefix ParsePrefix(ReadOnlySpan<char> letters)
    {
        var prefix = StringPrefix.None;
        foreach (var letter in letters)
        {
            var flag = (letter | 0x20) switch
            {
                'r' => StringPrefix.Raw,
                'b' => StringPrefix.Bytes,
                'u' => StringPrefix.Unicode,
                'f' => StringPrefix.Formatted,
                't' when _version >= PythonVersion.Python314 => StringPrefix.Template,
                _ => StringPrefix.Invalid,
            };
            if (flag == StringPrefix.Invalid || (prefix & flag) != 0)
            {
                return StringPrefix.Invalid;
            }

            prefix |= flag;
        }

        // u combines with nothing; b, f and t exclude each other; only r combines with them.
        var kinds = prefix & (StringPrefix.Bytes | StringPrefix.Formatted | StringPrefix.Template | StringPrefix.Unicode);
        if ((kinds & (kinds - 1)) != 0 || (prefix.HasFlag(StringPrefix.Unicode) && prefix.HasFlag(StringPrefix.Raw)))
        {
            return StringPrefix.Invalid;
        }

        return prefix;
    }

    /// <summary>PEP 3131: the first character must be XID_Start or '_', the others XID_Continue.</summary>
    private void ValidateIdentifier(int start, int end)
    {
        var first = true;
        for (var i = start; i < end;)
        {
            var rune = Rune.GetRuneAt(_text, i);
            var valid = first ? CharacterClasses.IsIdentifierStart(rune.Value) : CharacterClasses.IsIdentifierContinue(rune.Value);
            if (!valid)
            {
                var message = CharacterClasses.IsPrintable(rune.Value)
                    ? $"invalid character '{rune}' (U+{rune.Value.ToString("X4", CultureInfo.InvariantCulture)})"
                    : $"invalid non-printable character U+{rune.Value.ToString("X4", CultureInfo.InvariantCulture)}";
                throw TokenizerError(message, i, i);
            }

            first = false;
            i += rune.Utf16SequenceLength;
        }
    }
}
