using System.Globalization;
using System.Numerics;

namespace PyGuard.Syntax.Lexing;

/// <summary>
/// Converts the text of a NUMBER token (already checked by the lexer) to its value: a boxed
/// <see cref="BigInteger"/> for every int, <see cref="double"/> for floats (overflow is infinity, as in
/// Python), <see cref="Complex"/> for imaginary literals. Like CPython 3.13, a decimal literal of more than
/// 4300 digits is refused, since converting it would be quadratic.
/// </summary>
internal static class NumberParser
{
    public const int MaxDecimalDigits = 4300;

    private static readonly object[] SmallIntegers = CreateSmallIntegers();

    /// <summary>Returns the value, or null with <paramref name="error"/> set.</summary>
    public static object? Parse(ReadOnlySpan<char> text, out string? error)
    {
        error = null;
        var last = text[^1];
        if (last is 'j' or 'J')
        {
            return new Complex(0, ParseFloat(text[..^1]));
        }

        if (text.Length > 1 && text[0] == '0' && (text[1] | 0x20) is 'x' or 'o' or 'b')
        {
            var radix = (text[1] | 0x20) switch { 'x' => 16, 'o' => 8, _ => 2 };
            return ParseRadix(text[2..], radix);
        }

        if (text.IndexOfAny('.', 'e', 'E') >= 0)
        {
            return ParseFloat(text);
        }

        return ParseDecimal(text, out error);
    }

    private static object ParseDecimal(ReadOnlySpan<char> text, out string? error)
    {
        error = null;
        var digits = 0;
        foreach (var c in text)
        {
            if (c != '_')
            {
                digits++;
            }
        }

        if (digits <= 18)
        {
            long value = 0;
            foreach (var c in text)
            {
                if (c != '_')
                {
                    value = value * 10 + (c - '0');
                }
            }

            return Box(value);
        }

        if (digits > MaxDecimalDigits)
        {
            error = $"Exceeds the limit ({MaxDecimalDigits} digits) for integer string conversion: value has {digits} digits; "
                + "use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.";
            return BoxedZero;
        }

        return BigInteger.Parse(WithoutUnderscores(text), NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static object ParseRadix(ReadOnlySpan<char> digits, int radix)
    {
        var bitsPerDigit = radix switch { 16 => 4, 8 => 3, _ => 1 };
        var significant = 0;
        foreach (var c in digits)
        {
            if (c != '_')
            {
                significant++;
            }
        }

        if (significant * bitsPerDigit <= 62)
        {
            long small = 0;
            foreach (var c in digits)
            {
                if (c != '_')
                {
                    small = small * radix + DigitValue(c);
                }
            }

            return Box(small);
        }

        // Linear for power-of-two radixes: the bits go straight into a little-endian byte array.
        var bytes = new byte[(significant * bitsPerDigit + 7) / 8 + 1];
        var bit = 0;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            if (digits[i] == '_')
            {
                continue;
            }

            var value = DigitValue(digits[i]);
            for (var b = 0; b < bitsPerDigit; b++, bit++)
            {
                if ((value >> b & 1) != 0)
                {
                    bytes[bit >> 3] |= (byte)(1 << (bit & 7));
                }
            }
        }

        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
    }

    private static double ParseFloat(ReadOnlySpan<char> text) =>
        double.Parse(WithoutUnderscores(text), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static ReadOnlySpan<char> WithoutUnderscores(ReadOnlySpan<char> text)
    {
        if (text.IndexOf('_') < 0)
        {
            return text;
        }

        var buffer = new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (c != '_')
            {
                buffer[length++] = c;
            }
        }

        return buffer.AsSpan(0, length);
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => c - 'A' + 10,
    };

    private static readonly object BoxedZero = new BigInteger(0);

    private static object Box(long value) => value < SmallIntegers.Length ? SmallIntegers[value] : new BigInteger(value);

    private static object[] CreateSmallIntegers()
    {
        var values = new object[257];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = new BigInteger(i);
        }

        return values;
    }
}
