using System.Collections.Immutable;

namespace PyGuard.Engine.Model;

/// <summary>The outcome of scanning one file or snippet.</summary>
public sealed record FileScanResult(string Path, Verdict Verdict, int Score, ImmutableArray<Finding> Findings)
{
    /// <summary>Whether the source was parsed; an unparsable file carries a PG9xx finding instead.</summary>
    public bool Parsed { get; init; } = true;

    /// <summary>Lines of source, for statistics and throughput figures.</summary>
    public int LineCount { get; init; }

    /// <summary>Findings that count (not suppressed).</summary>
    public IEnumerable<Finding> ActiveFindings => Findings.Where(f => !f.IsSuppressed);
}

/// <summary>The outcome of scanning several files: the strictest verdict wins.</summary>
public sealed record ScanReport(ImmutableArray<FileScanResult> Files)
{
    public Verdict Verdict => Files.IsDefaultOrEmpty ? Verdict.Allow : Files.Max(f => f.Verdict);
}
