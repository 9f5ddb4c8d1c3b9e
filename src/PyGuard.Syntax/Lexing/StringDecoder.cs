using PyGuard.Syntax.Lexing.Unicode;

namespace PyGuard.Syntax.Lexing;

/// <summary>Why an escape sequence could not be decoded, with CPython's reason and byte range.</summary>
internal readonly record struct EscapeError(string Reason, int Start, int End)
{
    /// <summary>The message of CPython's UnicodeDecodeError for this error, for the given codec name.</summary>
    public string DecodeErrorMessage(string codec, ReadOnlySpan<char> bytesAsChars) => End - Start == 1
        ? $"'{codec}' codec can't decode byte 0x{(int)bytesAsChars[Start]:x2} in position {Start}: {Reason}"
        : $"'{codec}' codec can't decode bytes in position {Start}-{End - 1}: {Reason}";
}

/// <summary>
/// Decodes the body of a string literal as CPython 3.13 does: universal newlines inside the literal,
/// the escapes of str and bytes literals (an unknown escape keeps its backslash, as CPython does with a
/// warning), <c>\N{NAME}</c> with CPython's Unicode names, and octal escapes above 0o377 kept as the code
/// point (str) or its low byte (bytes). Errors carry positions the way CPython counts them for its
/// message: it decodes a copy of the body in which each non-ASCII character is spelled as a ten-byte
/// <c>\UXXXXXXXX</c> escape.
/// </summary>
internal static class StringDecoder
{
    /// <summary>Decodes a str literal's body into <paramref name="output"/>.</summary>
    /// <param name="body">The text between the quotes.</param>
    /// <param name="output">Receives the value.</param>
    /// <param name="error">Why decoding failed, when it returns false.</param>
    /// <param name="raw">Only newlines are translated (and doubled braces undoubled for f-strings).</param>
    /// <param name="undoubleBraces">f-string literal text: "{{" and "}}" stand for one brace.</param>
    /// <param name="escapedSurrogates">Receives the output index of every surrogate produced by an escape.</param>
    /// <param name="asSourceCodec">
    /// Decoding a whole source file with the unicode_escape codec: the input is bytes read as Latin-1,
    /// newlines are left alone and positions count bytes.
    /// </param>
    public static bool TryDecodeStr(
        ReadOnlySpan<char> body, bool raw, bool undoubleBraces, GrowableBuffer<char> output,
        ref List<int>? escapedSurrogates, out EscapeError error, bool asSourceCodec = false)
    {
        error = default;
        var wide = asSourceCodec ? 1 : 10;
        var position = 0; // in CPython's pseudo-encoded copy of the body, for error messages
        for (var i = 0; i < body.Length;)
        {
            var c = body[i];
            if (c == '\r' && !asSourceCodec)
            {
                output.Append('\n');
                i += i + 1 < body.Length && body[i + 1] == '\n' ? 2 : 1;
                position++;
                continue;
            }

            if ((c == '{' || c == '}') && undoubleBraces && i + 1 < body.Length && body[i + 1] == c)
            {
                output.Append(c);
                i += 2;
                position += 2;
                continue;
            }

            if (c != '\\' || raw)
            {
                output.Append(c);
                position += c < 0x80 ? 1 : char.IsLowSurrogate(c) ? 0 : wide;
                i++;
                continue;
            }

            // A backslash.
            var escapeStart = position;
            if (i + 1 >= body.Length)
            {
                output.Append('\\');
                i++;
                continue;
            }

            var e = body[i + 1];
            i += 2;
            position += 2;
            switch (e)
            {
                case '\n':
                    continue;
                case '\r' when !asSourceCodec:
                    if (i < body.Length && body[i] == '\n')
                    {
                        i++;
                    }

                    continue;
                case >= '0' and <= '7':
                    position += ReadOctal(body, ref i, e, out var octal);
                    AppendCodePoint(output, octal, ref escapedSurrogates);
                    continue;
                case var simple when SimpleEscape(simple) is var value and >= 0:
                    output.Append((char)value);
                    continue;
                case 'x' or 'u' or 'U':
                    {
                        var (count, reason) = e switch
                        {
                            'x' => (2, "truncated \\xXX escape"),
                            'u' => (4, "truncated \\uXXXX escape"),
                            _ => (8, "truncated \\UXXXXXXXX escape"),
                        };
                        var value = 0;
                        for (var k = 0; k < count; k++)
                        {
                            var digit = i < body.Length ? HexValue(body[i]) : -1;
                            if (digit < 0)
                            {
                                error = new EscapeError(reason, escapeStart, position);
                                return false;
                            }

                            value = value * 16 + digit;
                            i++;
                            position++;
                        }

                        if ((uint)value > 0x10FFFF)
                        {
                            error = new EscapeError("illegal Unicode character", escapeStart, position);
                            return false;
                        }

                        AppendCodePoint(output, value, ref escapedSurrogates);
                        continue;
                    }

                case 'N':
                    {
                        const string malformed = "malformed \\N character escape";
                        if (i >= body.Length || body[i] != '{')
                        {
                            error = new EscapeError(malformed, escapeStart, position);
                            return false;
                        }

                        var close = body[(i + 1)..].IndexOf('}');
                        if (close < 0)
                        {
                            error = new EscapeError(malformed, escapeStart, position + PseudoLength(body[i..], wide));
                            return false;
                        }

                        var name = body.Slice(i + 1, close);
                        if (name.IsEmpty)
                        {
                            error = new EscapeError(malformed, escapeStart, position + 1);
                            return false;
                        }

                        position += PseudoLength(body.Slice(i, close + 2), wide);
                        i += close + 2;
                        if (!UnicodeNames.TryLookup(name, out var codePoint))
                        {
                            error = new EscapeError("unknown Unicode character name", escapeStart, position);
                            return false;
                        }

                        AppendCodePoint(output, codePoint, ref escapedSurrogates);
                        continue;
                    }

                default:
                    // Not an escape: the backslash stays (CPython warns "invalid escape sequence").
                    output.Append('\\');
                    i--;
                    position -= 2;
                    position += e < 0x80 || asSourceCodec ? 1 : 6; // CPython spells "\" before a non-ASCII character as "\u005c"
                    continue;
            }
        }

        return true;
    }

    /// <summary>Decodes a bytes literal's body (ASCII only, checked by the caller) into <paramref name="output"/>.</summary>
    public static bool TryDecodeBytes(ReadOnlySpan<char> body, bool raw, GrowableBuffer<byte> output, out EscapeError error)
    {
        error = default;
        for (var i = 0; i < body.Length;)
        {
            var c = body[i];
            if (c == '\r')
            {
                output.Append((byte)'\n');
                i += i + 1 < body.Length && body[i + 1] == '\n' ? 2 : 1;
                continue;
            }

            if (c != '\\' || raw || i + 1 >= body.Length)
            {
                output.Append((byte)c);
                i++;
                continue;
            }

            var escapeStart = i;
            var e = body[i + 1];
            i += 2;
            switch (e)
            {
                case '\n':
                    continue;
                case '\r':
                    if (i < body.Length && body[i] == '\n')
                    {
                        i++;
                    }

                    continue;
                case >= '0' and <= '7':
                    ReadOctal(body, ref i, e, out var octal);
                    output.Append((byte)octal);
                    continue;
                case var simple when SimpleEscape(simple) is var value and >= 0:
                    output.Append((byte)value);
                    continue;
                case 'x':
                    {
                        var high = i < body.Length ? HexValue(body[i]) : -1;
                        var low = i + 1 < body.Length ? HexValue(body[i + 1]) : -1;
                        if (high < 0 || low < 0)
                        {
                            error = new EscapeError($"invalid \\x escape at position {escapeStart}", escapeStart, escapeStart + 1);
                            return false;
                        }

                        output.Append((byte)(high * 16 + low));
                        i += 2;
                        continue;
                    }

                default:
                    output.Append((byte)'\\');
                    i--;
                    continue;
            }
        }

        return true;
    }

    /// <summary>
    /// The raw_unicode_escape codec over a whole source file (bytes read as Latin-1): only \uXXXX and
    /// \UXXXXXXXX after an odd number of backslashes are escapes.
    /// </summary>
    public static bool TryDecodeRawUnicodeEscapeCodec(ReadOnlySpan<char> input, GrowableBuffer<char> output, out EscapeError error)
    {
        error = default;
        List<int>? ignored = null;
        for (var i = 0; i < input.Length;)
        {
            if (input[i] != '\\')
            {
                output.Append(input[i++]);
                continue;
            }

            var run = i;
            while (i < input.Length && input[i] == '\\')
            {
                i++;
            }

            var backslashes = i - run;
            if (backslashes % 2 == 0 || i >= input.Length || input[i] is not ('u' or 'U'))
            {
                for (var k = 0; k < backslashes; k++)
                {
                    output.Append('\\');
                }

                continue;
            }

            for (var k = 0; k < backslashes - 1; k++)
            {
                output.Append('\\');
            }

            var escapeStart = i - 1;
            var count = input[i] == 'u' ? 4 : 8;
            i++;
            var value = 0;
            for (var k = 0; k < count; k++)
            {
                var digit = i < input.Length ? HexValue(input[i]) : -1;
                if (digit < 0)
                {
                    error = new EscapeError(count == 4 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape", escapeStart, i);
                    return false;
                }

                value = value * 16 + digit;
                i++;
            }

            if ((uint)value > 0x10FFFF)
            {
                error = new EscapeError("\\Uxxxxxxxx out of range", escapeStart, i);
                return false;
            }

            AppendCodePoint(output, value, ref ignored);
        }

        return true;
    }

    private static void AppendCodePoint(GrowableBuffer<char> output, int value, ref List<int>? escapedSurrogates)
    {
        if (value >= 0x10000)
        {
            var v = value - 0x10000;
            output.Append((char)(0xD800 + (v >> 10)));
            output.Append((char)(0xDC00 + (v & 0x3FF)));
            return;
        }

        if (value is >= 0xD800 and <= 0xDFFF)
        {
            (escapedSurrogates ??= []).Add(output.Length);
        }

        output.Append((char)value);
    }

    private static int PseudoLength(ReadOnlySpan<char> text, int wide)
    {
        var length = 0;
        foreach (var c in text)
        {
            length += c < 0x80 ? 1 : char.IsLowSurrogate(c) ? 0 : wide;
        }

        return length;
    }

    /// <summary>The value of a one-letter escape (\n, \t, \\, \' ...), or -1.</summary>
    private static int SimpleEscape(char e) => e switch
    {
        '\\' or '\'' or '"' => e,
        'a' => 7,
        'b' => 8,
        'f' => 12,
        'n' => 10,
        'r' => 13,
        't' => 9,
        'v' => 11,
        _ => -1,
    };

    /// <summary>Up to two more octal digits after <paramref name="first"/>; returns how many were read.</summary>
    private static int ReadOctal(ReadOnlySpan<char> body, ref int i, char first, out int value)
    {
        value = first - '0';
        var read = 0;
        while (read < 2 && i < body.Length && body[i] is >= '0' and <= '7')
        {
            value = value * 8 + (body[i] - '0');
            i++;
            read++;
        }

        return read;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
