using System.Text;

namespace PyGuard.Syntax.Lexing.Unicode;

/// <summary>
/// Unicode normalisation form KC with CPython 3.13's Unicode data (PEP 3131 normalises every non-ASCII
/// identifier with it, so <c>ｅｘｅｃ</c> is the name <c>exec</c>). Written against the generated tables
/// rather than <see cref="string.Normalize()"/> so the result does not depend on the ICU version installed.
/// </summary>
internal static class Nfkc
{
    private const int HangulBase = 0xAC00, HangulCount = 11172;
    private const int LeadBase = 0x1100, VowelBase = 0x1161, TailBase = 0x11A7;
    private const int VowelCount = 21, TailCount = 28, LeadVowelSpan = VowelCount * TailCount;

    public static string Normalize(string text)
    {
        var codePoints = new List<int>(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            int c = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                c = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }

            Decompose(c, codePoints);
        }

        ReorderCanonically(codePoints);
        Compose(codePoints);
        var builder = new StringBuilder(codePoints.Count);
        foreach (var c in codePoints)
        {
            if (c >= 0x10000)
            {
                builder.Append(char.ConvertFromUtf32(c));
            }
            else
            {
                builder.Append((char)c);
            }
        }

        return builder.ToString();
    }

    private static void Decompose(int c, List<int> output)
    {
        if ((uint)(c - HangulBase) < HangulCount)
        {
            var index = c - HangulBase;
            output.Add(LeadBase + index / LeadVowelSpan);
            output.Add(VowelBase + index % LeadVowelSpan / TailCount);
            if (index % TailCount != 0)
            {
                output.Add(TailBase + index % TailCount);
            }

            return;
        }

        var key = UnicodeTables.DecompositionKeys.BinarySearch(c);
        if (key < 0)
        {
            output.Add(c);
            return;
        }

        var data = UnicodeTables.DecompositionData[UnicodeTables.DecompositionOffsets[key]..UnicodeTables.DecompositionOffsets[key + 1]];
        for (var i = 0; i < data.Length; i++)
        {
            if (char.IsHighSurrogate(data[i]))
            {
                output.Add(char.ConvertToUtf32(data[i], data[i + 1]));
                i++;
            }
            else
            {
                output.Add(data[i]);
            }
        }
    }

    /// <summary>Stable sort of each run of non-starters by combining class (the canonical ordering algorithm).</summary>
    private static void ReorderCanonically(List<int> codePoints)
    {
        for (var i = 1; i < codePoints.Count; i++)
        {
            var c = codePoints[i];
            var cc = CombiningClass(c);
            if (cc == 0)
            {
                continue;
            }

            var j = i - 1;
            while (j >= 0 && CombiningClass(codePoints[j]) > cc)
            {
                codePoints[j + 1] = codePoints[j];
                j--;
            }

            codePoints[j + 1] = c;
        }
    }

    /// <summary>Canonical composition: a character joins the last starter unless a character between blocks it.</summary>
    private static void Compose(List<int> codePoints)
    {
        var starter = -1;
        var lastClass = 0;
        var write = 0;
        for (var read = 0; read < codePoints.Count; read++)
        {
            var c = codePoints[read];
            var cc = CombiningClass(c);
            // Between the starter and c there are only non-starters in ascending class order, so c is
            // blocked exactly when it is not adjacent and the last of them has a class >= c's.
            if (starter >= 0 && (write - 1 == starter || lastClass < cc) && TryCompose(codePoints[starter], c, out var composite))
            {
                codePoints[starter] = composite;
                continue;
            }

            if (cc == 0)
            {
                starter = write;
            }

            lastClass = cc;
            codePoints[write++] = c;
        }

        codePoints.RemoveRange(write, codePoints.Count - write);
    }

    private static bool TryCompose(int first, int second, out int composite)
    {
        if ((uint)(first - LeadBase) < 19 && (uint)(second - VowelBase) < VowelCount)
        {
            composite = HangulBase + ((first - LeadBase) * VowelCount + second - VowelBase) * TailCount;
            return true;
        }

        if ((uint)(first - HangulBase) < HangulCount && (first - HangulBase) % TailCount == 0 && (uint)(second - TailBase - 1) < TailCount - 1)
        {
            composite = first + second - TailBase;
            return true;
        }

        var triples = UnicodeTables.CompositionTriples;
        int low = 0, high = triples.Length / 3 - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var a = triples[mid * 3];
            var b = triples[mid * 3 + 1];
            var order = a != first ? a.CompareTo(first) : b.CompareTo(second);
            if (order == 0)
            {
                composite = triples[mid * 3 + 2];
                return true;
            }

            if (order < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        composite = 0;
        return false;
    }

    internal static int CombiningClass(int c)
    {
        if (c < 0x300)
        {
            return 0;
        }

        var run = RangeSet.FindRun(UnicodeTables.CombiningClassRuns, 3, c);
        return run < 0 ? 0 : UnicodeTables.CombiningClassRuns[run * 3 + 2];
    }
}
