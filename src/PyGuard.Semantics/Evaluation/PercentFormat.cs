using System.Globalization;
using System.Numerics;
using System.Text;
using PyGuard.Semantics.Values;

namespace PyGuard.Semantics.Evaluation;

/// <summary>
/// printf-style formatting (<c>'%s%s' % ('o', 's')</c>) over constants: the conversions that hide names
/// in practice (s, r, a, d, i, u, x, X, o, c, %) with flags, width and precision. Anything else is not
/// folded.
/// </summary>
internal static class PercentFormat
{
    public static PyValue? Apply(PyValue template, PyValue arguments)
    {
        var text = template switch
        {
            PyStr s => s.Value,
            PyBytes b => b.AsLatin1(),
            _ => null,
        };
        if (text is null)
        {
            return null;
        }

        var args = arguments is PySequence { Type: "tuple" } tuple ? tuple.Items : [arguments];
        var next = 0;
        var builder = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '%')
            {
                builder.Append(text[i]);
                continue;
            }

            if (++i >= text.Length)
            {
                return null;
            }

            var flags = string.Empty;
            while (i < text.Length && "-+ #0".Contains(text[i]))
            {
                flags += text[i++];
            }

            var width = ReadNumber(text, ref i);
            int? precision = null;
            if (i < text.Length && text[i] == '.')
            {
                i++;
                precision = ReadNumber(text, ref i) ?? 0;
            }

            if (i >= text.Length)
            {
                return null;
            }

            var conversion = text[i];
            if (conversion == '%')
            {
                builder.Append('%');
                continue;
            }

            if (next >= args.Length)
            {
                return null;
            }

            var formatted = Convert(conversion, args[next++], flags, precision);
            if (formatted is null)
            {
                return null;
            }

            if (width is { } w && formatted.Length < w)
            {
                formatted = flags.Contains('-') ? formatted.PadRight(w) :
                    flags.Contains('0') && "diuxXo".Contains(conversion) ? formatted.PadLeft(w, '0') : formatted.PadLeft(w);
            }

            builder.Append(formatted);
        }

        if (next != args.Length)
        {
            return null;
        }

        return template is PyBytes
            ? new PyBytes([.. Encoding.Latin1.GetBytes(builder.ToString())])
            : new PyStr(builder.ToString());
    }

    private static int? ReadNumber(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i > start && int.TryParse(text.AsSpan(start, i - start), out var n) && n <= 10_000 ? n : null;
    }

    private static string? Convert(char conversion, PyValue value, string flags, int? precision)
    {
        switch (conversion)
        {
            case 's':
            {
                var s = value is PyBytes b ? b.AsLatin1() : PyValueFormatting.ToPythonStr(value);
                return s is not null && precision is { } p && p < s.Length ? s[..p] : s;
            }

            case 'r' or 'a':
                return PyValueFormatting.ToPythonRepr(value);
            case 'd' or 'i' or 'u':
                return value switch
                {
                    PyInt i => Sign(i.Value, flags) + BigInteger.Abs(i.Value).ToString(CultureInfo.InvariantCulture),
                    PyBool b => b.Value ? "1" : "0",
                    PyFloat f when double.IsFinite(f.Value) => ((BigInteger)Math.Truncate(f.Value)).ToString(CultureInfo.InvariantCulture),
                    _ => null,
                };
            case 'x' or 'X' or 'o':
                if (value is not PyInt integer)
                {
                    return null;
                }

                var digits = IntegerFormatting.ToBase(BigInteger.Abs(integer.Value), conversion == 'o' ? 8 : 16);
                if (conversion == 'X')
                {
                    digits = digits.ToUpperInvariant();
                }

                var prefix = flags.Contains('#') ? (conversion == 'o' ? "0o" : conversion == 'x' ? "0x" : "0X") : string.Empty;
                return Sign(integer.Value, flags) + prefix + digits;
            case 'c':
                return value switch
                {
                    PyInt i when i.Value >= 0 && i.Value <= 0x10FFFF => char.ConvertFromUtf32((int)i.Value),
                    PyStr s when CodePoints.Count(s.Value) == 1 => s.Value,
                    _ => null,
                };
            default:
                return null;
        }
    }

    private static string Sign(BigInteger value, string flags) =>
        value.Sign < 0 ? "-" : flags.Contains('+') ? "+" : flags.Contains(' ') ? " " : string.Empty;
}

internal static class IntegerFormatting
{
    public static string ToBase(BigInteger value, int radix)
    {
        if (value.IsZero)
        {
            return "0";
        }

        const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var builder = new StringBuilder();
        while (!value.IsZero)
        {
            builder.Insert(0, Digits[(int)(value % radix)]);
            value /= radix;
        }

        return builder.ToString();
    }
}
