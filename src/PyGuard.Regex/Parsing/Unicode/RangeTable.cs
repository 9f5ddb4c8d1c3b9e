namespace PyGuard.Regex.Parsing.Unicode;

/// <summary>Membership in a sorted table of inclusive (first, last) code point pairs.</summary>
internal static class RangeTable
{
    public static bool Contains(int[] pairs, int codePoint)
    {
        int lo = 0, hi = pairs.Length / 2 - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (codePoint < pairs[2 * mid])
            {
                hi = mid - 1;
            }
            else if (codePoint > pairs[2 * mid + 1])
            {
                lo = mid + 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }
}
