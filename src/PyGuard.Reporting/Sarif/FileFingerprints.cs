namespace PyGuard.Reporting.Sarif;

/// <summary>The line hashes of the lines of one file that carry results.</summary>
internal static class FileFingerprints
{
    /// <summary>
    /// Hashes from the file's bytes, as GitHub computes them. A line GitHub could not hash (the file
    /// became unreadable, or a PEP 263 codec made more lines than the raw bytes hold) is hashed from its
    /// decoded text alone, so that every result still has a stable fingerprint.
    /// </summary>
    public static Dictionary<int, string> For(string path, IEnumerable<int> lines, ISourceFiles sources)
    {
        var wanted = lines.ToHashSet();
        var hashes = sources.GetBytes(path) is { } bytes ? PrimaryLocationLineHash.ForLines(bytes, wanted) : [];
        foreach (var line in wanted.Where(line => !hashes.ContainsKey(line)))
        {
            hashes[line] = PrimaryLocationLineHash.ForAllLines(sources.GetLine(path, line) ?? string.Empty)[0];
        }

        return hashes;
    }
}
