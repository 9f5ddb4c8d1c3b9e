using System.Text;
using System.Text.Unicode;

using PyGuard.Syntax.Lexing;

namespace PyGuard.Syntax.Text.Decoding;

/// <summary>Decoded source text and the encoding it declared.</summary>
internal readonly record struct DecodedSource(string Text, string? Encoding, InvalidUtf8? Invalid = null);

/// <summary>
/// Turns source bytes into text as CPython 3.13's <c>compile(bytes)</c> does: null bytes are refused, a
/// UTF-8 byte order mark is dropped (and only agrees with a UTF-8 cookie), a PEP 263 cookie on line 1 or
/// 2 selects the codec, and undecodable bytes are a syntax error with the codec's own message. Decoding
/// never throws anything but <see cref="PythonSyntaxException"/>.
/// </summary>
internal static class SourceDecoder
{
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    public static DecodedSource Decode(ReadOnlySpan<byte> source)
    {
        var nul = source.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw FileError("source code string cannot contain null bytes", source, nul);
        }

        var hasBom = source.StartsWith(ByteOrderMark);
        var body = hasBom ? source[3..] : source;
        var cookie = CodingCookie.Find(body);
        if (cookie is null || cookie == "utf-8")
        {
            if (hasBom && cookie is null)
            {
                cookie = "utf-8";
            }

            if (Utf8.IsValid(body))
            {
                return new DecodedSource(Encoding.UTF8.GetString(body), cookie);
            }

            // CPython decodes token by token: invalid bytes are an error only where a token reads them.
            var (lenient, invalid) = InvalidUtf8.Decode(body);
            return new DecodedSource(lenient, cookie, invalid);
        }

        if (hasBom)
        {
            throw FileError($"encoding problem: {cookie} with BOM", body, -1);
        }

        var codec = CodecRegistry.Lookup(cookie) ?? throw FileError($"unknown encoding: {cookie}", body, -1);
        var text = codec.Kind switch
        {
            CodecKind.Utf8 => DecodeUtf8(body, body),
            CodecKind.Utf8Sig => DecodeUtf8(body.StartsWith(ByteOrderMark) ? body[3..] : body, body),
            CodecKind.Ascii => DecodeAscii(body),
            CodecKind.Latin1 => Encoding.Latin1.GetString(body),
            CodecKind.Charmap => DecodeCharmap(body, codec.Table!),
            CodecKind.UnicodeEscape => DecodeUnicodeEscape(body, raw: false),
            CodecKind.RawUnicodeEscape => DecodeUnicodeEscape(body, raw: true),
            CodecKind.Undefined => throw FileError("undefined encoding", body, -1),
            CodecKind.NotText => throw FileError($"'{cookie}' is not a text encoding; use codecs.decode() to handle arbitrary codecs", body, -1),
            _ => throw FileError($"encoding problem: {cookie} is a codec PyGuard does not decode (it reads UTF-8, single-byte and unicode-escape codecs)", body, -1),
        };
        CheckDecodedText(text);
        return new DecodedSource(text, cookie);
    }

    /// <summary>Text given as a string must also be encodable as UTF-8 and free of null characters, as for compile(str).</summary>
    public static void CheckDecodedText(string text)
    {
        var nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            throw new PythonSyntaxException("source code string cannot contain null bytes", SyntaxErrorKind.SyntaxError, nul, nul);
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new PythonSyntaxException(
                    $"'utf-8' codec can't encode character '\\u{(int)c:x4}' in position {i}: surrogates not allowed", SyntaxErrorKind.SyntaxError, i, i);
            }
        }
    }

    /// <summary>The utf-8 codec named by a cookie ("utf8", "u8"): it decodes the whole file at once, as CPython does.</summary>
    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> whole)
    {
        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var (position, reason) = Utf8Validation.FindError(bytes);
        var offset = position + (whole.Length - bytes.Length);
        throw FileError($"'utf-8' codec can't decode byte 0x{bytes[position]:x2} in position {offset}: {reason}", whole, offset);
    }

    private static string DecodeAscii(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] >= 0x80)
            {
                throw FileError($"'ascii' codec can't decode byte 0x{bytes[i]:x2} in position {i}: ordinal not in range(128)", bytes, i);
            }
        }

        return Encoding.ASCII.GetString(bytes);
    }

    private static string DecodeCharmap(ReadOnlySpan<byte> bytes, string table)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            var c = table[bytes[i]];
            if (c == '\uFFFE')
            {
                throw FileError($"'charmap' codec can't decode byte 0x{bytes[i]:x2} in position {i}: character maps to <undefined>", bytes, i);
            }

            chars[i] = c;
        }

        return new string(chars);
    }

    private static string DecodeUnicodeEscape(ReadOnlySpan<byte> bytes, bool raw)
    {
        var latin1 = Encoding.Latin1.GetString(bytes);
        var output = new GrowableBuffer<char>(Math.Max(16, latin1.Length));
        List<int>? surrogates = null;
        var ok = raw
            ? StringDecoder.TryDecodeRawUnicodeEscapeCodec(latin1, output, out var error)
            : StringDecoder.TryDecodeStr(latin1, raw: false, undoubleBraces: false, output, ref surrogates, out error, asSourceCodec: true);
        if (!ok)
        {
            throw FileError(error.DecodeErrorMessage(raw ? "rawunicodeescape" : "unicodeescape", latin1), bytes, error.Start);
        }

        return output.AsSpan().ToString();
    }

    /// <summary>An error about the file's bytes, located at a byte position when there is one.</summary>
    private static PythonSyntaxException FileError(string message, ReadOnlySpan<byte> bytes, int position)
    {
        var (line, column) = position < 0 ? (1, 1) : LineAndColumn(bytes, position);
        return new PythonSyntaxException(message, SyntaxErrorKind.SyntaxError, -1, -1) { FixedPosition = (line, column) };
    }

    /// <summary>1-based line and code point column of a byte position, counting the line's valid UTF-8 before it.</summary>
    private static (int Line, int Column) LineAndColumn(ReadOnlySpan<byte> bytes, int position)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < position && i < bytes.Length; i++)
        {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.Length || bytes[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        var prefix = bytes[lineStart..Math.Min(position, bytes.Length)];
        var column = Utf8.IsValid(prefix) ? Encoding.UTF8.GetCharCount(prefix) : prefix.Length;
        return (line, column + 1);
    }
}
