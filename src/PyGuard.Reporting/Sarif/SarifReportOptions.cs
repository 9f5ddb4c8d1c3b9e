using PyGuard.Engine.Model;

namespace PyGuard.Reporting.Sarif;

/// <summary>What a SARIF report needs besides the scan results.</summary>
public sealed record SarifReportOptions
{
    /// <summary>Every rule the scanner can report; all of them are described in <c>tool.driver.rules</c>.</summary>
    public required IReadOnlyCollection<RuleDescriptor> Rules { get; init; }

    /// <summary>The scanned files' lines and bytes, for columns and fingerprints.</summary>
    public required ISourceFiles Sources { get; init; }

    /// <summary>The folder result URIs are relative to (<c>%SRCROOT%</c>): the current directory for the command line.</summary>
    public required string RootDirectory { get; init; }

    /// <summary>The policy the scan ran under, recorded in the run's properties.</summary>
    public string? PolicyName { get; init; }

    /// <summary>Results of an earlier log to leave out; the results written are then marked <c>new</c>.</summary>
    public SarifBaseline? Baseline { get; init; }

    public SarifLimits Limits { get; init; } = SarifLimits.GitHub;
}

/// <summary>What was written: results, results left out as already in the baseline, and any cut made to fit the limits.</summary>
public sealed record SarifWriteSummary(int Results, int BaselineMatches, IReadOnlyList<string> Notices);
