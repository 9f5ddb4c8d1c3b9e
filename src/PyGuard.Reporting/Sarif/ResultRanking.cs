using Microsoft.CodeAnalysis.Sarif;
using PyGuard.Engine.Model;

namespace PyGuard.Reporting.Sarif;

/// <summary>A result with the finding it came from and its place in scan order.</summary>
internal sealed record RankedResult(Result Result, Finding Finding, int Order);

/// <summary>
/// The order in which results are kept when a log must be cut: active before suppressed, then by level,
/// the rule's security severity, confidence, and finally scan order, so that the cut is deterministic.
/// </summary>
internal static class ResultRanking
{
    public static List<RankedResult> MostSevereFirst(IEnumerable<RankedResult> results) =>
        [.. results
            .OrderBy(r => r.Finding.IsSuppressed)
            .ThenByDescending(r => r.Finding.Severity)
            .ThenByDescending(r => r.Finding.Rule.SecuritySeverity)
            .ThenByDescending(r => r.Finding.Confidence)
            .ThenBy(r => r.Order)];

    /// <summary>The first <paramref name="count"/> of the ranked results, back in scan order.</summary>
    public static List<Result> KeepInScanOrder(IReadOnlyList<RankedResult> ranked, int count) =>
        [.. ranked.Take(count).OrderBy(r => r.Order).Select(r => r.Result)];
}
