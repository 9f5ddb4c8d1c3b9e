using System.Collections.Frozen;
using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using PyGuard.Semantics.Values;

namespace PyGuard.Semantics.Evaluation;

/// <summary>
/// The encodings that hide payloads in practice, applied to constants: base64 (standard, url-safe),
/// base32, base16/hex, ascii85/base85, rot13, zlib and gzip, unicode_escape and text encodings. Each
/// decoder is bounded in output size (a decompression bomb decodes to nothing rather than to gigabytes).
/// </summary>
public static class Codecs
{
    private static readonly FrozenDictionary<string, Func<PyValue, PyValue?>> Decoders =
        new Dictionary<string, Func<PyValue, PyValue?>>(StringComparer.Ordinal)
        {
            ["base64.b64decode"] = v => Base64(v, urlSafe: false),
            ["base64.standard_b64decode"] = v => Base64(v, urlSafe: false),
            ["base64.decodebytes"] = v => Base64(v, urlSafe: false),
            ["base64.decodestring"] = v => Base64(v, urlSafe: false),
            ["base64.urlsafe_b64decode"] = v => Base64(v, urlSafe: true),
            ["binascii.a2b_base64"] = v => Base64(v, urlSafe: false),
            ["base64.b32decode"] = Base32,
            ["base64.b16decode"] = Hex,
            ["binascii.unhexlify"] = Hex,
            ["binascii.a2b_hex"] = Hex,
            ["builtins.bytes.fromhex"] = Hex,
            ["builtins.bytearray.fromhex"] = Hex,
            ["base64.a85decode"] = Ascii85,
            ["base64.b85decode"] = Base85,
            ["zlib.decompress"] = v => Decompress(v, s => new ZLibStream(s, CompressionMode.Decompress)),
            ["gzip.decompress"] = v => Decompress(v, s => new GZipStream(s, CompressionMode.Decompress)),
            ["base64.b64encode"] = v => Bytes(v) is { } b ? Ascii(Convert.ToBase64String(b)) : null,
            ["base64.standard_b64encode"] = v => Bytes(v) is { } b ? Ascii(Convert.ToBase64String(b)) : null,
            ["base64.b16encode"] = v => Bytes(v) is { } b ? Ascii(Convert.ToHexString(b)) : null,
            ["binascii.hexlify"] = v => Bytes(v) is { } b ? Ascii(Convert.ToHexString(b).ToLowerInvariant()) : null,
            ["binascii.b2a_hex"] = v => Bytes(v) is { } b ? Ascii(Convert.ToHexString(b).ToLowerInvariant()) : null,
            ["zlib.compress"] = v => Bytes(v) is { } b ? Compress(b) : null,
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="qualifiedName"/> is a decoding function this class folds.</summary>
    public static bool IsDecoder(string qualifiedName) =>
        Decoders.ContainsKey(qualifiedName) && !qualifiedName.Contains("encode") && !qualifiedName.Contains("hexlify") &&
        qualifiedName != "zlib.compress" && qualifiedName != "binascii.b2a_hex";

    /// <summary>Applies a module-level codec function such as <c>base64.b64decode</c> to a constant.</summary>
    public static PyValue? Apply(string qualifiedName, PyValue argument) =>
        Decoders.TryGetValue(qualifiedName, out var decode) ? decode(argument) : null;

    public static bool Handles(string qualifiedName) => Decoders.ContainsKey(qualifiedName);

    /// <summary><c>codecs.decode(value, name)</c> and <c>codecs.encode(value, name)</c>.</summary>
    public static PyValue? CodecsModule(bool decode, PyValue value, string encoding)
    {
        var name = encoding.ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
        switch (name)
        {
            case "rot13" or "rot_13":
                return value is PyStr s ? new PyStr(Rot13(s.Value)) : null;
            case "hex" or "hex_codec":
                return decode ? Hex(value) : Bytes(value) is { } hb ? Ascii(Convert.ToHexString(hb).ToLowerInvariant()) : null;
            case "base64" or "base_64" or "base64_codec":
                return decode ? Base64(value, urlSafe: false) : Bytes(value) is { } bb ? Ascii(Convert.ToBase64String(bb) + "\n") : null;
            case "zlib" or "zlib_codec" or "zip":
                return decode ? Decompress(value, s => new ZLibStream(s, CompressionMode.Decompress)) : Bytes(value) is { } zb ? Compress(zb) : null;
            default:
                return decode ? DecodeText(value, encoding) : EncodeText(value, encoding);
        }
    }

    /// <summary><c>bytes.decode(encoding)</c>.</summary>
    public static PyValue? DecodeText(PyValue value, string encoding)
    {
        var name = encoding.ToLowerInvariant().Replace('-', '_');
        if (value is PyStr text && name is "unicode_escape" or "raw_unicode_escape" && text.Value.All(c => c <= 0xFF))
        {
            // codecs.decode accepts str for these codecs, reading it as latin-1 first.
            value = new PyBytes([.. System.Text.Encoding.Latin1.GetBytes(text.Value)]);
        }

        if (value is not PyBytes bytes)
        {
            return null;
        }

        if (name is "unicode_escape" or "raw_unicode_escape" or "string_escape")
        {
            return UnicodeEscape.Decode(bytes.AsLatin1()) is { } decoded ? new PyStr(decoded) : null;
        }

        if (name is "rot13" or "rot_13")
        {
            return null;
        }

        var codec = TextEncoding(name);
        if (codec is null)
        {
            return null;
        }

        try
        {
            return new PyStr(codec.GetString(bytes.Value.AsSpan()));
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary><c>str.encode(encoding)</c>.</summary>
    public static PyValue? EncodeText(PyValue value, string encoding)
    {
        if (value is not PyStr text)
        {
            return null;
        }

        var codec = TextEncoding(encoding.ToLowerInvariant().Replace('-', '_'));
        if (codec is null)
        {
            return null;
        }

        try
        {
            return new PyBytes([.. codec.GetBytes(text.Value)]);
        }
        catch (EncoderFallbackException)
        {
            return null;
        }
    }

    private static Encoding? TextEncoding(string name) => name switch
    {
        "utf_8" or "utf8" or "u8" or "utf" => new UTF8Encoding(false, true),
        "ascii" or "us_ascii" => Encoding.GetEncoding("us-ascii", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback),
        "latin_1" or "latin1" or "iso_8859_1" or "iso8859_1" or "l1" => Encoding.Latin1,
        "utf_16" or "utf16" => new UnicodeEncoding(false, true, true),
        "utf_16_le" or "utf_16le" => new UnicodeEncoding(false, false, true),
        "utf_16_be" or "utf_16be" => new UnicodeEncoding(true, false, true),
        "utf_32" or "utf32" or "utf_32_le" => new UTF32Encoding(false, false, true),
        _ => null,
    };

    public static string Rot13(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c is >= 'a' and <= 'z')
            {
                chars[i] = (char)('a' + ((c - 'a' + 13) % 26));
            }
            else if (c is >= 'A' and <= 'Z')
            {
                chars[i] = (char)('A' + ((c - 'A' + 13) % 26));
            }
        }

        return new string(chars);
    }

    private static byte[]? Bytes(PyValue value) => value switch
    {
        PyBytes b => b.Value.ToArray(),
        PyStr s when s.Value.All(c => c < 0x80) => Encoding.ASCII.GetBytes(s.Value),
        _ => null,
    };

    private static PyValue Ascii(string text) => new PyBytes([.. Encoding.ASCII.GetBytes(text)]);

    private static PyValue? Base64(PyValue value, bool urlSafe)
    {
        var input = Bytes(value);
        if (input is null)
        {
            return null;
        }

        // Like binascii in its default (non-strict) mode: characters outside the alphabet are dropped.
        var builder = new StringBuilder(input.Length);
        foreach (var b in input)
        {
            var c = (char)b;
            if (urlSafe)
            {
                c = c == '-' ? '+' : c == '_' ? '/' : c;
            }

            if (char.IsAsciiLetterOrDigit(c) || c == '+' || c == '/')
            {
                builder.Append(c);
            }
            else if (c == '=')
            {
                break;
            }
        }

        var text = builder.ToString();
        if (text.Length % 4 == 1)
        {
            return null;
        }

        text = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        try
        {
            return new PyBytes([.. Convert.FromBase64String(text)]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static PyValue? Base32(PyValue value)
    {
        var input = Bytes(value);
        if (input is null)
        {
            return null;
        }

        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var b in input)
        {
            var c = (char)b;
            if (c == '=')
            {
                break;
            }

            var index = Alphabet.IndexOf(c);
            if (index < 0)
            {
                return null;
            }

            buffer = (buffer << 5) | index;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                output.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return new PyBytes([.. output]);
    }

    private static PyValue? Hex(PyValue value)
    {
        var text = value switch
        {
            PyStr s => s.Value,
            PyBytes b => b.AsLatin1(),
            _ => null,
        };
        if (text is null)
        {
            return null;
        }

        // bytes.fromhex skips whitespace between byte pairs; unhexlify does not, but accepting it is harmless.
        var digits = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (digits.Length % 2 != 0 || !digits.All(char.IsAsciiHexDigit))
        {
            return null;
        }

        return new PyBytes([.. Convert.FromHexString(digits)]);
    }

    private static PyValue? Ascii85(PyValue value)
    {
        var input = Bytes(value);
        if (input is null)
        {
            return null;
        }

        var text = Encoding.ASCII.GetString(input);
        if (text.StartsWith("<~", StringComparison.Ordinal) && text.EndsWith("~>", StringComparison.Ordinal))
        {
            text = text[2..^2];
        }

        return Decode85(text.Replace("z", "!!!!!"), '!', null);
    }

    private static PyValue? Base85(PyValue value)
    {
        var input = Bytes(value);
        return input is null ? null : Decode85(Encoding.ASCII.GetString(input), null,
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~");
    }

    private static PyValue? Decode85(string text, char? offset, string? alphabet)
    {
        var output = new List<byte>();
        var group = new List<int>(5);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            var digit = alphabet is null ? c - offset!.Value : alphabet.IndexOf(c);
            if (digit is < 0 or >= 85)
            {
                return null;
            }

            group.Add(digit);
            if (group.Count == 5)
            {
                Flush(group, output, 4);
            }
        }

        if (group.Count > 0)
        {
            var missing = 5 - group.Count;
            while (group.Count < 5)
            {
                group.Add(84);
            }

            Flush(group, output, 4 - missing);
        }

        return new PyBytes([.. output]);

        static void Flush(List<int> group, List<byte> output, int take)
        {
            long acc = 0;
            foreach (var d in group)
            {
                acc = (acc * 85) + d;
            }

            for (var k = 0; k < take; k++)
            {
                output.Add((byte)(acc >> (24 - (8 * k))));
            }

            group.Clear();
        }
    }

    private static PyValue? Decompress(PyValue value, Func<Stream, Stream> open)
    {
        if (value is not PyBytes bytes)
        {
            return null;
        }

        try
        {
            using var input = new MemoryStream(bytes.Value.ToArray());
            using var stream = open(input);
            var buffer = new byte[ValueLimits.MaxStringLength + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }

            return total > ValueLimits.MaxStringLength ? null : new PyBytes(ImmutableArray.Create(buffer, 0, total));
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static PyValue Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var stream = new ZLibStream(output, CompressionLevel.Optimal))
        {
            stream.Write(data);
        }

        return new PyBytes([.. output.ToArray()]);
    }
}

/// <summary>Python's <c>unicode_escape</c> codec over latin-1 text: <c>\xNN</c>, <c>\uNNNN</c>, <c>\UNNNNNNNN</c>, octal and the letter escapes.</summary>
internal static class UnicodeEscape
{
    public static string? Decode(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\\' || i + 1 >= text.Length)
            {
                builder.Append(c);
                continue;
            }

            var e = text[++i];
            switch (e)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case 'a': builder.Append('\a'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'v': builder.Append('\v'); break;
                case '\\': builder.Append('\\'); break;
                case '\'': builder.Append('\''); break;
                case '"': builder.Append('"'); break;
                case '\n': break;
                case 'x' or 'u' or 'U':
                {
                    var digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + digits >= text.Length)
                    {
                        return null;
                    }

                    var hex = text.Substring(i + 1, digits);
                    if (!int.TryParse(hex, System.Globalization.NumberStyles.HexNumber, null, out var code) || code > 0x10FFFF)
                    {
                        return null;
                    }

                    builder.Append(code is >= 0xD800 and <= 0xDFFF ? ((char)code).ToString() : char.ConvertFromUtf32(code));
                    i += digits;
                    break;
                }

                case >= '0' and <= '7':
                {
                    var code = e - '0';
                    for (var k = 0; k < 2 && i + 1 < text.Length && text[i + 1] is >= '0' and <= '7'; k++)
                    {
                        code = (code * 8) + (text[++i] - '0');
                    }

                    builder.Append((char)code);
                    break;
                }

                default:
                    builder.Append('\\').Append(e);
                    break;
            }
        }

        return builder.ToString();
    }
}
