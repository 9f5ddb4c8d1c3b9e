using PyGuard.Engine.Model;
using PyGuard.Engine.Policies;

namespace PyGuard.Engine.Scoring;

/// <summary>
/// Turns a file's findings into a 0-100 risk score and a verdict. docs/scoring.md states the formula:
/// each active finding is an independent chance of harm p = weight(severity) x weight(confidence); the
/// score is 100 x (1 - product of (1 - p)). The verdict is block when any error is at least of medium
/// confidence (or the score reaches the policy's block score), review when any warning or low-confidence
/// error remains (or the score reaches the review score), allow otherwise.
/// </summary>
public static class RiskScorer
{
    public static double SeverityWeight(Severity severity) => severity switch
    {
        Severity.Error => 0.9,
        Severity.Warning => 0.35,
        _ => 0.02,
    };

    public static double ConfidenceWeight(Confidence confidence) => confidence switch
    {
        Confidence.High => 1.0,
        Confidence.Medium => 0.8,
        _ => 0.5,
    };

    public static int Score(IEnumerable<Finding> findings)
    {
        var safe = 1.0;
        foreach (var finding in findings)
        {
            if (!finding.IsSuppressed)
            {
                safe *= 1.0 - (SeverityWeight(finding.Severity) * ConfidenceWeight(finding.Confidence));
            }
        }

        return (int)Math.Round(100.0 * (1.0 - safe), MidpointRounding.AwayFromZero);
    }

    public static Verdict Decide(IEnumerable<Finding> findings, int score, Policy policy)
    {
        var verdict = Verdict.Allow;
        foreach (var finding in findings)
        {
            if (finding.IsSuppressed)
            {
                continue;
            }

            var own = finding.Severity switch
            {
                Severity.Error when finding.Confidence >= Confidence.Medium => Verdict.Block,
                Severity.Error or Severity.Warning => Verdict.Review,
                _ => Verdict.Allow,
            };
            if (own > verdict)
            {
                verdict = own;
            }
        }

        if (score >= policy.BlockScore)
        {
            return Verdict.Block;
        }

        return score >= policy.ReviewScore && verdict < Verdict.Review ? Verdict.Review : verdict;
    }
}
