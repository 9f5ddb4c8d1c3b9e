using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Text;

using PyGuard.Syntax.Lexing.Unicode;
using PyGuard.Syntax.Tree;

namespace PyGuard.Syntax.Dump;

/// <summary>
/// Python 3.13's <c>repr</c> of the values a syntax tree holds: str (quote choice, escapes, and
/// printability by CPython's Unicode data), bytes, int (refusing more than 4300 digits as CPython does),
/// float (shortest round-trip digits, exponent below 1e-4 and from 1e16), imaginary numbers, None,
/// booleans and Ellipsis.
/// </summary>
internal static class PythonRepr
{
    /// <summary>CPython's default limit on the digits of an int converted to decimal text.</summary>
    public const int MaxIntDigits = 4300;

    public static void AppendConstant(StringBuilder output, object? value, int[]? splitSurrogates = null)
    {
        switch (value)
        {
            case null:
                output.Append("None");
                break;
            case bool b:
                output.Append(b ? "True" : "False");
                break;
            case string s:
                AppendStr(output, s, splitSurrogates);
                break;
            case BigInteger i:
                AppendInt(output, i);
                break;
            case double d:
                AppendFloat(output, d, addDotZero: true);
                break;
            case Complex c:
                AppendFloat(output, c.Imaginary, addDotZero: false);
                output.Append('j');
                break;
            case ImmutableArray<byte> bytes:
                AppendBytes(output, bytes.AsSpan());
                break;
            case PyEllipsis:
                output.Append("Ellipsis");
                break;
            default:
                throw new ArgumentException($"not a Python constant: {value.GetType().Name}", nameof(value));
        }
    }

    public static void AppendStr(StringBuilder output, string value, int[]? splitSurrogates = null)
    {
        var quote = value.Contains('\'') && !value.Contains('"') ? '"' : '\'';
        output.Append(quote);
        for (var i = 0; i < value.Length; i++)
        {
            int c = value[i];
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])
                && (splitSurrogates is null || Array.IndexOf(splitSurrogates, i) < 0))
            {
                c = char.ConvertToUtf32(value[i], value[i + 1]);
                i++;
            }

            if (c == quote || c == '\\')
            {
                output.Append('\\').Append((char)c);
            }
            else if (c == '\t')
            {
                output.Append("\\t");
            }
            else if (c == '\n')
            {
                output.Append("\\n");
            }
            else if (c == '\r')
            {
                output.Append("\\r");
            }
            else if (c < 0x20 || c == 0x7F)
            {
                output.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (c < 0x7F)
            {
                output.Append((char)c);
            }
            else if (CharacterClasses.IsPrintable(c) && !IsSurrogate(c))
            {
                output.Append(char.ConvertFromUtf32(c));
            }
            else if (c <= 0xFF)
            {
                output.Append("\\x").Append(c.ToString("x2", CultureInfo.InvariantCulture));
            }
            else if (c <= 0xFFFF)
            {
                output.Append("\\u").Append(c.ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                output.Append("\\U").Append(c.ToString("x8", CultureInfo.InvariantCulture));
            }
        }

        output.Append(quote);
    }

    private static bool IsSurrogate(int c) => c is >= 0xD800 and <= 0xDFFF;

    public static void AppendBytes(StringBuilder output, ReadOnlySpan<byte> value)
    {
        var quote = value.Contains((byte)'\'') && !value.Contains((byte)'"') ? '"' : '\'';
        output.Append('b').Append(quote);
        foreach (var b in value)
        {
            if (b == quote || b == '\\')
            {
                output.Append('\\').Append((char)b);
            }
            else if (b == '\t')
            {
                output.Append("\\t");
            }
            else if (b == '\n')
            {
                output.Append("\\n");
            }
            else if (b == '\r')
            {
                output.Append("\\r");
            }
            else if (b < 0x20 || b >= 0x7F)
            {
                output.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                output.Append((char)b);
            }
        }

        output.Append(quote);
    }

    public static void AppendInt(StringBuilder output, BigInteger value)
    {
        // 2**14284 has 4300 decimal digits: only values near that size need their digits counted.
        var bits = value.IsZero ? 0 : (long)BigInteger.Abs(value).GetBitLength();
        if (bits > 14290 || (bits > 14270 && BigInteger.Abs(value).ToString(CultureInfo.InvariantCulture).Length > MaxIntDigits))
        {
            throw new PythonValueException(
                $"Exceeds the limit ({MaxIntDigits} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
        }

        output.Append(value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// repr(float): the shortest digits that round-trip, written positionally when the decimal exponent is
    /// in [-4, 16), otherwise as d.ddde+XX; ".0" is added to integral values only for floats (complex
    /// parts are written without it).
    /// </summary>
    public static void AppendFloat(StringBuilder output, double value, bool addDotZero)
    {
        if (double.IsNaN(value))
        {
            output.Append("nan");
            return;
        }

        if (double.IsInfinity(value))
        {
            output.Append(value > 0 ? "inf" : "-inf");
            return;
        }

        if (value == 0)
        {
            output.Append(double.IsNegative(value) ? "-0" : "0");
            if (addDotZero)
            {
                output.Append(".0");
            }

            return;
        }

        var (negative, digits, pointPosition) = ShortestDigits(value);
        if (negative)
        {
            output.Append('-');
        }

        if (pointPosition <= -4 || pointPosition > 16)
        {
            output.Append(digits[0]);
            if (digits.Length > 1)
            {
                output.Append('.').Append(digits, 1, digits.Length - 1);
            }

            var exponent = pointPosition - 1;
            output.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (pointPosition <= 0)
        {
            output.Append("0.").Append('0', -pointPosition).Append(digits);
        }
        else if (pointPosition >= digits.Length)
        {
            output.Append(digits).Append('0', pointPosition - digits.Length);
            if (addDotZero)
            {
                output.Append(".0");
            }
        }
        else
        {
            output.Append(digits, 0, pointPosition).Append('.').Append(digits, pointPosition, digits.Length - pointPosition);
        }
    }

    /// <summary>The shortest round-trip significant digits and the position of the decimal point relative to them.</summary>
    private static (bool Negative, string Digits, int PointPosition) ShortestDigits(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }

        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.');
        var integerDigits = dot < 0 ? text.Length : dot;
        var digits = dot < 0 ? text : string.Concat(text.AsSpan(0, dot), text.AsSpan(dot + 1));
        var leadingZeros = 0;
        while (leadingZeros < digits.Length - 1 && digits[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        digits = digits[leadingZeros..].TrimEnd('0');
        return (negative, digits, integerDigits - leadingZeros + exponent);
    }
}

/// <summary>A value CPython's <c>ast.dump</c> cannot print (an int beyond the digit limit): CPython raises ValueError.</summary>
public sealed class PythonValueException(string message) : Exception(message);
