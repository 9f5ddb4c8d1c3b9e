namespace PyGuard.Reporting.Sarif;

/// <summary>
/// Converts PyGuard's columns (1-based, counted in Unicode code points) to the UTF-16 code units the SARIF
/// run declares: the unit that SARIF assumes when a run says nothing, and the one JavaScript viewers such
/// as GitHub's and VS Code's index strings with. They differ only after an astral character.
/// </summary>
internal static class Utf16Columns
{
    /// <summary>
    /// The UTF-16 column of code-point <paramref name="column"/> on <paramref name="line"/>. Columns past the
    /// end of the line (the end of a region that includes the line break) keep their distance from it; an
    /// unknown line leaves the column as it is.
    /// </summary>
    public static int FromCodePoints(string? line, int column)
    {
        if (column <= 1 || line is null)
        {
            return Math.Max(column, 1);
        }

        var remaining = column - 1;
        var offset = 0;
        while (remaining > 0 && offset < line.Length)
        {
            offset += char.IsHighSurrogate(line[offset]) && offset + 1 < line.Length && char.IsLowSurrogate(line[offset + 1]) ? 2 : 1;
            remaining--;
        }

        return offset + remaining + 1;
    }
}
