using System.Globalization;
using System.Numerics;
using PyGuard.Semantics.Values;

namespace PyGuard.Analyzers.Resource;

/// <summary>Sizes of folded values in bytes and numbers in human terms, for the resource rules' messages.</summary>
internal static class Magnitudes
{
    /// <summary>Bytes an object of this folded value occupies (roughly: 1 per str/bytes item, 8 per list slot).</summary>
    public static double? Bytes(PyValue value) => value switch
    {
        PyHugeSequence { Type: "str" or "bytes" or "bytearray" } s => s.Length,
        PyHugeSequence { Type: "list" or "tuple" or "set" } s => s.Length * 8,
        PyHugeSequence s => s.Length * 8,
        PyHugeInt i => i.Log2 / 8,
        PySequence s => s.Items.Length * 8,
        PyStr s => s.Value.Length,
        PyBytes b => b.Value.Length,
        _ => null,
    };

    public static double? Number(PyValue value) => value switch
    {
        PyInt i => (double)i.Value,
        PyHugeInt h => h.Negative ? -Math.Pow(2, Math.Min(h.Log2, 1023)) : Math.Pow(2, Math.Min(h.Log2, 1023)),
        PyFloat f => f.Value,
        PyBool b => b.Value ? 1 : 0,
        _ => null,
    };

    public static string DescribeBytes(double bytes) => bytes switch
    {
        >= 1e15 => Scientific(bytes) + " bytes",
        >= 1e12 => Format(bytes / 1e12) + " TB",
        >= 1e9 => Format(bytes / 1e9) + " GB",
        >= 1e6 => Format(bytes / 1e6) + " MB",
        _ => Format(bytes) + " bytes",
    };

    public static string DescribeCount(double count) => count >= 1e6 ? Scientific(count) : Format(count);

    public static string Scientific(double value)
    {
        if (double.IsInfinity(value) || value > 1e300)
        {
            return "more than 10^300";
        }

        var exponent = (int)Math.Floor(Math.Log10(value));
        return string.Create(CultureInfo.InvariantCulture, $"~10^{exponent}");
    }

    private static string Format(double value) => value.ToString(value >= 100 ? "0" : "0.#", CultureInfo.InvariantCulture);

    public static double Log2(BigInteger value) => value.IsZero ? 0 : BigInteger.Log(BigInteger.Abs(value), 2);
}
