namespace PyGuard.Syntax.Lexing.Unicode;

/// <summary>Lookups in sorted tables of inclusive code point runs stored flat as (first, last, ...) records.</summary>
internal static class RangeSet
{
    /// <summary>Whether the code point is in a table of (first, last) pairs.</summary>
    public static bool Contains(ReadOnlySpan<int> ranges, int codePoint) => FindRun(ranges, 2, codePoint) >= 0;

    /// <summary>The index of the record of <paramref name="stride"/> ints whose run holds the code point, or -1.</summary>
    public static int FindRun(ReadOnlySpan<int> runs, int stride, int codePoint)
    {
        // Binary search for the last record whose first code point is <= codePoint.
        int low = 0, high = runs.Length / stride - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (runs[mid * stride] <= codePoint)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        return high >= 0 && codePoint <= runs[high * stride + 1] ? high : -1;
    }
}
