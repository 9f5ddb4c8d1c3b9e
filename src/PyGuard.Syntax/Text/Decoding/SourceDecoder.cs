using System.Text;
using System.Text.Unicode;

using PyGuard.Syntax.Lexing;

namespace PyGuard.Syntax.Text.Decoding;

/// <summary>Decoded source text and the encoding it declared.</summary>
internal readonly record struct DecodedSource(string Text, string? Encoding);

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

            return new DecodedSource(DecodeUtf8(body, body, "(unicode error) "), cookie);
        }

        if (hasBom)
        {
            throw FileError($"encoding problem: {cookie} with BOM", body, -1);
        }

        var codec = CodecRegistry.Lookup(cookie) ?? throw FileError($"unknown encoding: {cookie}", body, -1);
        var text = codec.Kind switch
        {
            CodecKind.Utf8 => DecodeUtf8(body, body, ""),
            CodecKind.Utf8Sig => DecodeUtf8(body.StartsWith(ByteOrderMark) ? body[3..] : body, body, ""),
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

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> whole, string prefix)
    {
        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var (position, length, reason) = FindUtf8Error(bytes);
        var offset = position + (whole.Length - bytes.Length);
        var message = length == 1
            ? $"{prefix}'utf-8' codec can't decode byte 0x{bytes[position]:x2} in position {(prefix.Length > 0 ? 0 : offset)}: {reason}"
            : $"{prefix}'utf-8' codec can't decode bytes in position {offset}-{offset + length - 1}: {reason}";
        throw FileError(message, whole, offset);
    }

    /// <summary>The first invalid sequence with the reason Python's UTF-8 decoder gives.</summary>
    private static (int Position, int Length, string Reason) FindUtf8Error(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            int needed;
            byte low = 0x80, high = 0xBF;
            switch (b)
            {
                case >= 0xC2 and <= 0xDF:
                    needed = 1;
                    break;
                case >= 0xE0 and <= 0xEF:
                    needed = 2;
                    (low, high) = b == 0xE0 ? ((byte)0xA0, (byte)0xBF) : b == 0xED ? ((byte)0x80, (byte)0x9F) : (low, high);
                    break;
                case >= 0xF0 and <= 0xF4:
                    needed = 3;
                    (low, high) = b == 0xF0 ? ((byte)0x90, (byte)0xBF) : b == 0xF4 ? ((byte)0x80, (byte)0x8F) : (low, high);
                    break;
                default:
                    return (i, 1, "invalid start byte");
            }

            for (var k = 1; k <= needed; k++)
            {
                if (i + k >= bytes.Length)
                {
                    return (i, 1, "unexpected end of data");
                }

                var next = bytes[i + k];
                var (min, max) = k == 1 ? (low, high) : ((byte)0x80, (byte)0xBF);
                if (next < min || next > max)
                {
                    return (i, 1, "invalid continuation byte");
                }
            }

            i += needed + 1;
        }

        return (0, 1, "invalid start byte");
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
