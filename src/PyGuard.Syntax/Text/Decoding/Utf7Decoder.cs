using System.Text;

using PyGuard.Syntax.Lexing;

namespace PyGuard.Syntax.Text.Decoding;

/// <summary>
/// Decodes UTF-7 (RFC 2152) with the choices of CPython's utf-7 codec, which a hostile file can use to
/// hide code from a reader that does not decode it: every ASCII byte but '+' stands for itself, "+-" is
/// '+', and '+' opens a run of modified base64 (no '=' padding) carrying UTF-16 code units, closed by any
/// byte outside the base64 alphabet ('-' is absorbed, anything else is kept). Surrogate pairs may span
/// runs' code units; a lone surrogate is passed on, as CPython does, for the caller's UTF-8 check.
/// </summary>
internal static class Utf7Decoder
{
    /// <summary>The codec's name in CPython's UnicodeDecodeError messages.</summary>
    public const string CodecName = "utf7";

    /// <summary>Decodes <paramref name="bytes"/>, or gives CPython's reason and byte range for the first invalid sequence.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text, out EscapeError error)
    {
        var output = new StringBuilder(bytes.Length);
        var run = new Base64Run();
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (run.Open)
            {
                if (Base64Value(b) is var value and >= 0)
                {
                    run.Add(value, output);
                    i++;
                    continue;
                }

                if (run.Close(b, output) is { } reason)
                {
                    return Fail(new EscapeError(reason, run.Start, i + 1), out text, out error);
                }

                if (b == '-')
                {
                    i++;
                }
            }
            else if (b == '+')
            {
                if (i + 1 < bytes.Length && bytes[i + 1] == '-')
                {
                    output.Append('+');
                    i += 2;
                }
                else if (i + 1 < bytes.Length && Base64Value(bytes[i + 1]) < 0)
                {
                    return Fail(new EscapeError("ill-formed sequence", i, i + 2), out text, out error);
                }
                else
                {
                    run = new Base64Run { Open = true, Start = i };
                    i++;
                }
            }
            else if (b < 0x80)
            {
                output.Append((char)b);
                i++;
            }
            else
            {
                return Fail(new EscapeError("unexpected special character", i, i + 1), out text, out error);
            }
        }

        if (run.Open && !run.CanEndHere)
        {
            return Fail(new EscapeError("unterminated shift sequence", run.Start, bytes.Length), out text, out error);
        }

        text = output.ToString();
        error = default;
        return true;
    }

    private static bool Fail(EscapeError failure, out string text, out EscapeError error)
    {
        text = "";
        error = failure;
        return false;
    }

    /// <summary>The 6-bit value of a base64 character ('+' and '/' included), or -1.</summary>
    private static int Base64Value(byte b) => b switch
    {
        >= (byte)'A' and <= (byte)'Z' => b - 'A',
        >= (byte)'a' and <= (byte)'z' => b - 'a' + 26,
        >= (byte)'0' and <= (byte)'9' => b - '0' + 52,
        (byte)'+' => 62,
        (byte)'/' => 63,
        _ => -1,
    };

    /// <summary>The state of one '+' run: bits not yet forming a code unit, and a high surrogate awaiting its pair.</summary>
    private struct Base64Run
    {
        public bool Open;
        public int Start;
        private uint _bits;
        private int _bitCount;
        private char _highSurrogate;

        /// <summary>Whether the input may end inside this run: no partial unit, zero padding, no unpaired high surrogate.</summary>
        public readonly bool CanEndHere => _highSurrogate == 0 && _bitCount < 6 && _bits == 0;

        public void Add(int value, StringBuilder output)
        {
            _bits = (_bits << 6) | (uint)value;
            _bitCount += 6;
            if (_bitCount < 16)
            {
                return;
            }

            var unit = (char)(_bits >> (_bitCount - 16));
            _bitCount -= 16;
            _bits &= (1u << _bitCount) - 1;
            if (_highSurrogate != 0)
            {
                output.Append(_highSurrogate);
                _highSurrogate = '\0';
                if (char.IsLowSurrogate(unit))
                {
                    output.Append(unit);
                    return;
                }
            }

            if (char.IsHighSurrogate(unit))
            {
                _highSurrogate = unit;
            }
            else
            {
                output.Append(unit);
            }
        }

        /// <summary>Ends the run at a non-base64 byte; returns CPython's reason when the run's bits are left over.</summary>
        public string? Close(byte terminator, StringBuilder output)
        {
            Open = false;
            if (_bitCount >= 6)
            {
                return "partial character in shift sequence";
            }

            if (_bits != 0)
            {
                return "non-zero padding bits in shift sequence";
            }

            // A pending high surrogate is kept before a byte that decodes as itself; before any other the error follows anyway.
            if (_highSurrogate != 0 && terminator < 0x80)
            {
                output.Append(_highSurrogate);
            }

            return null;
        }
    }
}
