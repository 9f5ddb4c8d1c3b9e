using System.Globalization;
using System.Numerics;
using System.Text;
using PyGuard.Semantics.Values;

namespace PyGuard.Semantics.Evaluation;

/// <summary>
/// The format-specification mini-language (<c>format(v, spec)</c>, <c>'{:&gt;8}'.format(v)</c>, f-string
/// specs) for str and int values, and str.format / format_map templates whose fields are plain
/// positional or keyword references. Field traversal (<c>{0.attr}</c>, <c>{0[k]}</c>) is deliberately not
/// folded: <see cref="ParseTemplate"/> exposes it to the escape rules instead.
/// </summary>
public static class FormatSpec
{
    /// <summary>One replacement field of a format template.</summary>
    public sealed record Field(string Name, string Traversal, char? Conversion, string Spec);

    /// <summary>A template split into literal text and fields, or null if it is malformed.</summary>
    public static IReadOnlyList<object>? ParseTemplate(string template)
    {
        var parts = new List<object>();
        var literal = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '}')
            {
                if (i + 1 < template.Length && template[i + 1] == '}')
                {
                    literal.Append('}');
                    i++;
                    continue;
                }

                return null;
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            if (i + 1 < template.Length && template[i + 1] == '{')
            {
                literal.Append('{');
                i++;
                continue;
            }

            var depth = 1;
            var start = i + 1;
            var j = start;
            for (; j < template.Length && depth > 0; j++)
            {
                if (template[j] == '{')
                {
                    depth++;
                }
                else if (template[j] == '}')
                {
                    depth--;
                }
            }

            if (depth != 0)
            {
                return null;
            }

            var body = template[start..(j - 1)];
            if (literal.Length > 0)
            {
                parts.Add(literal.ToString());
                literal.Clear();
            }

            parts.Add(ParseField(body));
            i = j - 1;
        }

        if (literal.Length > 0)
        {
            parts.Add(literal.ToString());
        }

        return parts;
    }

    private static Field ParseField(string body)
    {
        // field_name ['!' conversion] [':' format_spec]; brackets may contain ':' or '!'.
        var i = 0;
        var inBracket = false;
        for (; i < body.Length; i++)
        {
            if (body[i] == '[')
            {
                inBracket = true;
            }
            else if (body[i] == ']')
            {
                inBracket = false;
            }
            else if (!inBracket && (body[i] == '!' || body[i] == ':'))
            {
                break;
            }
        }

        var name = body[..i];
        char? conversion = null;
        var spec = string.Empty;
        if (i < body.Length && body[i] == '!' && i + 1 < body.Length)
        {
            conversion = body[i + 1];
            i += 2;
        }

        if (i < body.Length && body[i] == ':')
        {
            spec = body[(i + 1)..];
        }

        var traversalStart = name.IndexOfAny(['.', '[']);
        return traversalStart < 0
            ? new Field(name, string.Empty, conversion, spec)
            : new Field(name[..traversalStart], name[traversalStart..], conversion, spec);
    }

    /// <summary>Folds <c>template.format(*positional, **named)</c>, or null when it cannot.</summary>
    public static string? FormatTemplate(string template, IReadOnlyList<PyValue> positional, IReadOnlyDictionary<string, PyValue> named)
    {
        var parts = ParseTemplate(template);
        if (parts is null)
        {
            return null;
        }

        var builder = new StringBuilder();
        var automatic = 0;
        foreach (var part in parts)
        {
            if (part is string text)
            {
                builder.Append(text);
                continue;
            }

            var field = (Field)part;
            if (field.Traversal.Length > 0 || field.Spec.Contains('{'))
            {
                return null;
            }

            PyValue? value;
            if (field.Name.Length == 0)
            {
                value = automatic < positional.Count ? positional[automatic++] : null;
            }
            else if (int.TryParse(field.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                value = index < positional.Count ? positional[index] : null;
            }
            else
            {
                value = named.GetValueOrDefault(field.Name);
            }

            var formatted = value is null ? null : FormatField(value, field.Conversion, field.Spec);
            if (formatted is null)
            {
                return null;
            }

            builder.Append(formatted);
            if (builder.Length > ValueLimits.MaxStringLength)
            {
                return null;
            }
        }

        return builder.ToString();
    }

    /// <summary>Applies a conversion (<c>!s</c>, <c>!r</c>, <c>!a</c>) and then a format spec.</summary>
    public static string? FormatField(PyValue value, char? conversion, string spec)
    {
        if (conversion is { } c)
        {
            var converted = c switch
            {
                's' => PyValueFormatting.ToPythonStr(value),
                'r' or 'a' => PyValueFormatting.ToPythonRepr(value),
                _ => null,
            };
            if (converted is null)
            {
                return null;
            }

            value = new PyStr(converted);
        }

        return Apply(value, spec);
    }

    /// <summary>Python's <c>format(value, spec)</c> for str, int and bool values; null where not modelled.</summary>
    public static string? Apply(PyValue value, string spec)
    {
        if (!TryParseSpec(spec, out var fill, out var align, out var sign, out var alternate, out var zero, out var width, out var grouping, out var precision, out var type))
        {
            return null;
        }

        if (width > ValueLimits.MaxStringLength)
        {
            return null;
        }

        string body;
        var numeric = false;
        switch (value)
        {
            case PyStr s when type is null or 's':
                body = precision is { } p && p < s.Value.Length ? s.Value[..p] : s.Value;
                break;
            case PyBool b when type is null:
                body = b.Value ? "True" : "False";
                break;
            case PyInt or PyBool:
            {
                var integer = value is PyInt pi ? pi.Value : (((PyBool)value).Value ? BigInteger.One : BigInteger.Zero);
                numeric = true;
                var magnitude = BigInteger.Abs(integer);
                var digits = type switch
                {
                    null or 'd' or 'n' => magnitude.ToString(CultureInfo.InvariantCulture),
                    'x' => IntegerFormatting.ToBase(magnitude, 16),
                    'X' => IntegerFormatting.ToBase(magnitude, 16).ToUpperInvariant(),
                    'o' => IntegerFormatting.ToBase(magnitude, 8),
                    'b' => IntegerFormatting.ToBase(magnitude, 2),
                    'c' when integer >= 0 && integer <= 0x10FFFF => char.ConvertFromUtf32((int)integer),
                    _ => null,
                };
                if (digits is null)
                {
                    return null;
                }

                if (type == 'c')
                {
                    body = digits;
                    numeric = false;
                    break;
                }

                if (grouping is { } g && type is null or 'd')
                {
                    digits = Group(digits, g, 3);
                }

                var prefix = alternate ? type switch { 'x' => "0x", 'X' => "0X", 'o' => "0o", 'b' => "0b", _ => string.Empty } : string.Empty;
                var signText = integer.Sign < 0 ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : string.Empty;
                if (zero && align is null && width is { } zw)
                {
                    digits = digits.PadLeft(Math.Max(digits.Length, zw - signText.Length - prefix.Length), '0');
                }

                body = signText + prefix + digits;
                break;
            }

            default:
                return null;
        }

        if (width is { } w && body.Length < w)
        {
            var padding = w - body.Length;
            var effectiveAlign = align ?? (numeric ? '>' : '<');
            var filler = fill ?? ' ';
            body = effectiveAlign switch
            {
                '<' => body + new string(filler, padding),
                '>' => new string(filler, padding) + body,
                '^' => new string(filler, padding / 2) + body + new string(filler, padding - (padding / 2)),
                '=' => body,
                _ => body,
            };
        }

        return body;
    }

    private static string Group(string digits, char separator, int size)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % size == 0)
            {
                builder.Append(separator);
            }

            builder.Append(digits[i]);
        }

        return builder.ToString();
    }

    private static bool TryParseSpec(
        string spec, out char? fill, out char? align, out char? sign, out bool alternate, out bool zero,
        out int? width, out char? grouping, out int? precision, out char? type)
    {
        fill = null;
        align = null;
        sign = null;
        alternate = false;
        zero = false;
        width = null;
        grouping = null;
        precision = null;
        type = null;
        var i = 0;
        if (spec.Length >= 2 && "<>=^".Contains(spec[1]))
        {
            fill = spec[0];
            align = spec[1];
            i = 2;
        }
        else if (spec.Length >= 1 && "<>=^".Contains(spec[0]))
        {
            align = spec[0];
            i = 1;
        }

        if (i < spec.Length && "+- ".Contains(spec[i]))
        {
            sign = spec[i++];
        }

        if (i < spec.Length && spec[i] == '#')
        {
            alternate = true;
            i++;
        }

        if (i < spec.Length && spec[i] == '0')
        {
            zero = true;
            i++;
        }

        var start = i;
        while (i < spec.Length && char.IsAsciiDigit(spec[i]))
        {
            i++;
        }

        if (i > start)
        {
            if (!int.TryParse(spec.AsSpan(start, i - start), out var w))
            {
                width = int.MaxValue;
            }
            else
            {
                width = w;
            }
        }

        if (i < spec.Length && (spec[i] == ',' || spec[i] == '_'))
        {
            grouping = spec[i++];
        }

        if (i < spec.Length && spec[i] == '.')
        {
            i++;
            start = i;
            while (i < spec.Length && char.IsAsciiDigit(spec[i]))
            {
                i++;
            }

            if (i == start || !int.TryParse(spec.AsSpan(start, i - start), out var p))
            {
                return false;
            }

            precision = p;
        }

        if (i < spec.Length)
        {
            type = spec[i++];
        }

        return i == spec.Length;
    }

    /// <summary>The width a spec asks for, even when the value is unknown (resource rules read it).</summary>
    public static int? RequestedWidth(string spec) =>
        TryParseSpec(spec, out _, out _, out _, out _, out _, out var width, out _, out _, out _) ? width : null;
}
