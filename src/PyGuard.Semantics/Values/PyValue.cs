using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace PyGuard.Semantics.Values;

/// <summary>
/// A Python constant known at analysis time. Values are bounded: an int beyond
/// <see cref="ValueLimits.MaxIntBits"/> or a string beyond <see cref="ValueLimits.MaxStringLength"/> is kept
/// only as its magnitude (<see cref="PyHugeInt"/>, <see cref="PyHugeSequence"/>), so folding a bomb such as
/// <c>9**9**9</c> or <c>'A' * 10**11</c> never computes it, yet resource rules still see how big it is.
/// </summary>
public abstract record PyValue
{
    /// <summary>Python's <c>type(x).__name__</c>.</summary>
    public abstract string TypeName { get; }

    /// <summary>Python truthiness, or null when it cannot be known (huge values are never empty).</summary>
    public abstract bool? Truthiness { get; }
}

public sealed record PyNone : PyValue
{
    public static readonly PyNone Instance = new();

    private PyNone()
    {
    }

    public override string TypeName => "NoneType";

    public override bool? Truthiness => false;
}

public sealed record PyEllipsisValue : PyValue
{
    public static readonly PyEllipsisValue Instance = new();

    private PyEllipsisValue()
    {
    }

    public override string TypeName => "ellipsis";

    public override bool? Truthiness => true;
}

public sealed record PyBool(bool Value) : PyValue
{
    public static readonly PyBool True = new(true);
    public static readonly PyBool False = new(false);

    public static PyBool Of(bool value) => value ? True : False;

    public override string TypeName => "bool";

    public override bool? Truthiness => Value;
}

public sealed record PyInt(BigInteger Value) : PyValue
{
    public override string TypeName => "int";

    public override bool? Truthiness => !Value.IsZero;
}

/// <summary>An int too large to hold; only its size is known (log2 of its absolute value).</summary>
public sealed record PyHugeInt(double Log2, bool Negative = false) : PyValue
{
    public override string TypeName => "int";

    public override bool? Truthiness => true;

    public double Log10 => Log2 * 0.30102999566398120;
}

public sealed record PyFloat(double Value) : PyValue
{
    public override string TypeName => "float";

    public override bool? Truthiness => Value != 0.0;
}

public sealed record PyComplex(Complex Value) : PyValue
{
    public override string TypeName => "complex";

    public override bool? Truthiness => Value != Complex.Zero;
}

public sealed record PyStr(string Value) : PyValue
{
    public static readonly PyStr Empty = new(string.Empty);

    public override string TypeName => "str";

    public override bool? Truthiness => Value.Length > 0;

    public bool Equals(PyStr? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);
}

public sealed record PyBytes(ImmutableArray<byte> Value) : PyValue
{
    public override string TypeName => "bytes";

    public override bool? Truthiness => Value.Length > 0;

    public bool Equals(PyBytes? other) => other is not null && Value.AsSpan().SequenceEqual(other.Value.AsSpan());

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Value.AsSpan());
        return hash.ToHashCode();
    }

    /// <summary>The bytes read as latin-1, which keeps every byte and is what rules match text against.</summary>
    public string AsLatin1() => Encoding.Latin1.GetString(Value.AsSpan());
}

/// <summary>
/// A str, bytes or list too long to hold; only its length is known. <see cref="Sample"/> keeps a prefix of
/// the content when there is one, so that a rule can still say what is being repeated.
/// </summary>
public sealed record PyHugeSequence(string Type, double Length, string Sample = "") : PyValue
{
    public override string TypeName => Type;

    public override bool? Truthiness => Length > 0;
}

/// <summary>A tuple, list or set whose elements are all known.</summary>
public sealed record PySequence(string Type, ImmutableArray<PyValue> Items) : PyValue
{
    /// <summary>
    /// Items counted through nested sequences, shared ones once per reference. Folding
    /// <c>data = [data, data]</c> in a loop shares structure, but equality, hashing and printing walk it as a
    /// tree; the weight bounds that work (see <see cref="ValueLimits.MaxItems"/>).
    /// </summary>
    public int Weight { get; } = Items.Sum(i => i is PySequence s ? s.Weight + 1 : 1);

    public override string TypeName => Type;

    public override bool? Truthiness => Items.Length > 0;

    public bool Equals(PySequence? other) =>
        other is not null && Type == other.Type && Items.AsSpan().SequenceEqual(other.Items.AsSpan());

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Type);
        foreach (var item in Items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}

/// <summary>Bounds on what the folder materialises.</summary>
public static class ValueLimits
{
    /// <summary>Ints with more bits than this are kept as <see cref="PyHugeInt"/>.</summary>
    public const int MaxIntBits = 4096;

    /// <summary>Strings, bytes and lists longer than this are kept as <see cref="PyHugeSequence"/>.</summary>
    public const int MaxStringLength = 1 << 20;

    /// <summary>
    /// Strings and bytes made by repetition (<c>'x' * n</c>, <c>bytes(n)</c>) longer than this are kept as
    /// <see cref="PyHugeSequence"/> (type, length and a sample of the unit). Repetition adds nothing beyond
    /// its unit, so no rule needs the text; materialising the megabyte buffers that test code builds by the
    /// dozen (<c>b'\0' * 2**20</c>) was an eighth of the bytes a scan of the 3.13 standard library
    /// allocated. The one thing given up: code built by repeating more than this (<c>eval("2," * 70000)</c>)
    /// is no longer scanned as constant code, and is reported as code computed at run time, the stricter
    /// finding.
    /// </summary>
    public const int MaxRepeatedLength = 1 << 14;

    /// <summary>Containers with more elements than this are not folded element by element.</summary>
    public const int MaxItems = 4096;
}

public static class PyValueFormatting
{
    /// <summary>Python's <c>str()</c> of a value, or null where it is not known.</summary>
    public static string? ToPythonStr(PyValue value) => value switch
    {
        PyStr s => s.Value,
        _ => ToPythonRepr(value),
    };

    /// <summary>Python's <c>repr()</c> of a value, or null where it is not known.</summary>
    public static string? ToPythonRepr(PyValue value)
    {
        switch (value)
        {
            case PyNone:
                return "None";
            case PyBool b:
                return b.Value ? "True" : "False";
            case PyInt i:
                return i.Value.ToString(CultureInfo.InvariantCulture);
            case PyFloat f:
                return FormatFloat(f.Value);
            case PyStr s:
                return QuoteString(s.Value);
            case PyBytes b:
                return "b" + QuoteString(b.AsLatin1(), bytes: true);
            case PyEllipsisValue:
                return "Ellipsis";
            case PySequence seq:
            {
                var parts = new List<string>();
                foreach (var item in seq.Items)
                {
                    var repr = ToPythonRepr(item);
                    if (repr is null)
                    {
                        return null;
                    }

                    parts.Add(repr);
                }

                return seq.Type switch
                {
                    "tuple" => parts.Count == 1 ? $"({parts[0]},)" : $"({string.Join(", ", parts)})",
                    "list" => $"[{string.Join(", ", parts)}]",
                    "set" => parts.Count == 0 ? "set()" : $"{{{string.Join(", ", parts)}}}",
                    _ => null,
                };
            }

            default:
                return null;
        }
    }

    /// <summary>A float as Python's repr writes it: shortest round trip, exponent form outside 1e-4..1e16.</summary>
    public static string FormatFloat(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = r.StartsWith('-');
        if (negative)
        {
            r = r[1..];
        }

        // Split the shortest round-trip form into digits and a decimal exponent.
        var exponent = 0;
        var e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
            r = r[..e];
        }

        var dot = r.IndexOf('.');
        var digits = dot >= 0 ? r.Remove(dot, 1) : r;
        var pointPosition = (dot >= 0 ? dot : r.Length) + exponent;
        var trimmed = digits.TrimStart('0');
        pointPosition -= digits.Length - trimmed.Length;
        digits = trimmed.TrimEnd('0');
        if (digits.Length == 0)
        {
            return negative ? "-0.0" : "0.0";
        }

        var decimalExponent = pointPosition - 1;
        string body;
        if (decimalExponent < -4 || decimalExponent >= 16)
        {
            var mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
            body = mantissa + "e" + (decimalExponent < 0 ? "-" : "+") + Math.Abs(decimalExponent).ToString("00", CultureInfo.InvariantCulture);
        }
        else if (pointPosition <= 0)
        {
            body = "0." + new string('0', -pointPosition) + digits;
        }
        else if (pointPosition >= digits.Length)
        {
            body = digits + new string('0', pointPosition - digits.Length) + ".0";
        }
        else
        {
            body = digits[..pointPosition] + "." + digits[pointPosition..];
        }

        return negative ? "-" + body : body;
    }

    /// <summary>A string quoted as Python's repr quotes it (ASCII-printable view; other characters escaped).</summary>
    public static string QuoteString(string value, bool bytes = false)
    {
        var quote = value.Contains('\'') && !value.Contains('"') ? '"' : '\'';
        var builder = new StringBuilder(value.Length + 2);
        builder.Append(quote);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (c == quote)
                    {
                        builder.Append('\\').Append(c);
                    }
                    else if (c < 0x20 || c == 0x7f || (bytes && c > 0x7f))
                    {
                        builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append(quote);
        return builder.ToString();
    }
}

/// <summary>A <c>range(start, stop, step)</c> with known bounds; never materialised.</summary>
public sealed record PyRange(BigInteger Start, BigInteger Stop, BigInteger Step) : PyValue
{
    public override string TypeName => "range";

    public override bool? Truthiness => Length > 0;

    /// <summary>The number of items, as Python's <c>len(range(...))</c>.</summary>
    public BigInteger Length
    {
        get
        {
            if (Step.IsZero)
            {
                return BigInteger.Zero;
            }

            var span = Step.Sign > 0 ? Stop - Start : Start - Stop;
            if (span.Sign <= 0)
            {
                return BigInteger.Zero;
            }

            var step = BigInteger.Abs(Step);
            return (span + step - 1) / step;
        }
    }
}
