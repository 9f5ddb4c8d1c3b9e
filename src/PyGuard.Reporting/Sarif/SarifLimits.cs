namespace PyGuard.Reporting.Sarif;

/// <summary>
/// The most a SARIF log may hold for GitHub code scanning to accept it (docs.github.com, "SARIF support for
/// code scanning"). A log that would exceed one is cut, most severe results kept, and the cut is reported.
/// </summary>
public sealed record SarifLimits
{
    /// <summary>GitHub's limits.</summary>
    public static SarifLimits GitHub { get; } = new();

    /// <summary>Results per run.</summary>
    public int MaxResults { get; init; } = 25_000;

    /// <summary>Tags per rule.</summary>
    public int MaxTagsPerRule { get; init; } = 20;

    /// <summary>Thread flow locations per result (the steps of a code flow).</summary>
    public int MaxThreadFlowLocations { get; init; } = 10_000;

    /// <summary>Size of the gzip-compressed file: GitHub says 10 MB; the decimal reading is the safe one.</summary>
    public long MaxGzippedBytes { get; init; } = 10_000_000;
}
