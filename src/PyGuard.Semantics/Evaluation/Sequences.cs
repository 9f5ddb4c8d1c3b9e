using System.Collections.Immutable;
using System.Runtime.InteropServices;
using PyGuard.Semantics.Values;

namespace PyGuard.Semantics.Evaluation;

/// <summary>Length, concatenation and repetition of str, bytes, tuples and lists, bounded in size.</summary>
public static class Sequences
{
    public static bool IsSequence(PyValue value) =>
        value is PyStr or PyBytes or PyHugeSequence || value is PySequence { Type: "list" or "tuple" };

    /// <summary>Python's <c>len()</c> (code points for str), or null when it is not a sized constant.</summary>
    public static double? Length(PyValue value) => value switch
    {
        PyStr s => CodePoints.Count(s.Value),
        PyBytes b => b.Value.Length,
        PySequence seq => seq.Items.Length,
        PyHugeSequence huge => huge.Length,
        _ => null,
    };

    /// <summary>Builds the concatenation when it fits, or records only its length.</summary>
    internal static PyValue Concat(string type, double length, Func<PyValue> build, string sample) =>
        length > ValueLimits.MaxStringLength ? new PyHugeSequence(type, length, Sample(sample)) : build();

    /// <summary><c>sequence * count</c>: materialised when small, else only its length.</summary>
    public static PyValue? Repeat(PyValue sequence, PyValue count)
    {
        double times = count switch
        {
            PyInt i => (double)i.Value,
            PyHugeInt h => h.Negative ? 0 : Math.Pow(2, Math.Min(h.Log2, 1023)),
            _ => double.NaN,
        };
        if (double.IsNaN(times))
        {
            return null;
        }

        times = Math.Max(0, times);
        var unit = Length(sequence) ?? 0;
        var total = unit * times;
        var type = sequence switch
        {
            PyStr => "str",
            PyBytes => "bytes",
            PySequence seq => seq.Type,
            PyHugeSequence huge => huge.Type,
            _ => "list",
        };

        var limit = sequence is PyStr or PyBytes ? ValueLimits.MaxRepeatedLength : ValueLimits.MaxStringLength;
        if (total > limit || sequence is PyHugeSequence)
        {
            var sample = sequence switch
            {
                PyStr s => s.Value,
                PyBytes b => b.AsLatin1(),
                PyHugeSequence huge => huge.Sample,
                _ => string.Empty,
            };
            return new PyHugeSequence(type, total, Sample(sample));
        }

        var n = (int)times;
        switch (sequence)
        {
            case PyStr s:
                return new PyStr(string.Create(s.Value.Length * n, s.Value, static (target, unit) => FillRepeated(unit.AsSpan(), target)));
            case PyBytes b:
            {
                var bytes = new byte[b.Value.Length * n];
                FillRepeated(b.Value.AsSpan(), bytes);
                return new PyBytes(ImmutableCollectionsMarshal.AsImmutableArray(bytes));
            }

            case PySequence seq when total <= ValueLimits.MaxItems:
            {
                var builder = ImmutableArray.CreateBuilder<PyValue>(seq.Items.Length * n);
                for (var i = 0; i < n; i++)
                {
                    builder.AddRange(seq.Items);
                }

                return new PySequence(seq.Type, builder.MoveToImmutable());
            }

            case PySequence seq:
                return new PyHugeSequence(seq.Type, total);
            default:
                return null;
        }
    }

    /// <summary>
    /// Fills <paramref name="target"/> (a whole number of units long) with copies of <paramref name="unit"/>,
    /// doubling the filled prefix each time: <c>"-" * 1_000_000</c> is twenty copies, not a million appends.
    /// </summary>
    private static void FillRepeated<T>(ReadOnlySpan<T> unit, Span<T> target)
    {
        if (target.IsEmpty)
        {
            return;
        }

        unit.CopyTo(target);
        var filled = unit.Length;
        while (filled < target.Length)
        {
            var chunk = Math.Min(filled, target.Length - filled);
            target[..chunk].CopyTo(target[filled..]);
            filled += chunk;
        }
    }

    private static string Sample(string text) => text.Length <= 32 ? text : text[..32];
}

/// <summary>Python str indexing counts code points, .NET strings count UTF-16 units; this bridges them.</summary>
public static class CodePoints
{
    public static int Count(string text)
    {
        var count = text.Length;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }

    public static string[] Split(string text)
    {
        var result = new List<string>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Add(text.Substring(i, 2));
                i++;
            }
            else
            {
                result.Add(text[i].ToString());
            }
        }

        return [.. result];
    }

    public static string At(string text, int index)
    {
        if (text.Length == Count(text))
        {
            return text[index].ToString();
        }

        return Split(text)[index];
    }

    public static string Reverse(string text)
    {
        var parts = Split(text);
        Array.Reverse(parts);
        return string.Concat(parts);
    }
}
