using Microsoft.CodeAnalysis.Sarif;
using PyGuard.Engine.Model;

namespace PyGuard.Reporting.Sarif;

/// <summary>PyGuard's severities and confidences in SARIF's and GitHub's vocabulary.</summary>
internal static class SarifLevels
{
    public static FailureLevel Of(Severity severity) => severity switch
    {
        Severity.Error => FailureLevel.Error,
        Severity.Warning => FailureLevel.Warning,
        Severity.Note => FailureLevel.Note,
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    /// <summary>GitHub's <c>properties.precision</c>: how often the rule's results are true.</summary>
    public static string PrecisionOf(Confidence confidence) => confidence switch
    {
        Confidence.High => "high",
        Confidence.Medium => "medium",
        Confidence.Low => "low",
        _ => throw new ArgumentOutOfRangeException(nameof(confidence)),
    };
}
