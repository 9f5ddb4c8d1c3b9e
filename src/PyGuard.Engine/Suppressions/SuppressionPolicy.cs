using System.Collections.Immutable;
using PyGuard.Engine.Model;
using PyGuard.Engine.Policies;

namespace PyGuard.Engine.Suppressions;

/// <summary>
/// Applies suppression comments as the policy says. Under a policy that honours them, a finding on the
/// comment's line whose rule it names is kept but marked suppressed, and a comment that matched nothing is
/// reported. Under one that does not (the agent gate), nothing is suppressed and every comment is reported.
/// Findings about unparsable code (PG9xx) are never suppressed: the gate fails closed.
/// </summary>
public static class SuppressionPolicy
{
    public static List<Finding> Apply(
        IReadOnlyList<Finding> findings, ImmutableArray<SuppressionComment> comments, Policy policy,
        Func<RuleDescriptor, SuppressionComment, string, Finding> makeFinding)
    {
        // makeFinding(rule, comment, message) places a finding on the comment.
        var result = new List<Finding>(findings.Count + comments.Length);
        var used = new HashSet<SuppressionComment>();
        foreach (var finding in findings)
        {
            var comment = finding.Category == RuleCategory.Syntax ? null :
                comments.FirstOrDefault(c => (c.Line == finding.Location.Line || c.Line == finding.Location.EndLine) && c.Covers(finding.RuleId));
            if (comment is not null)
            {
                used.Add(comment);
            }

            result.Add(comment is not null && policy.HonourSuppressions ? finding with { SuppressedBy = comment.Text } : finding);
        }

        foreach (var comment in comments)
        {
            if (policy.HonourSuppressions)
            {
                if (!used.Contains(comment))
                {
                    result.Add(makeFinding(SuppressionRules.UnusedSuppression, comment, SuppressionRules.UnusedSuppression.FormatMessage(comment.Text)));
                }
            }
            else
            {
                var ignored = makeFinding(SuppressionRules.IgnoredSuppression, comment, SuppressionRules.IgnoredSuppression.FormatMessage(policy.Name, comment.Text));
                result.Add(ignored with { Severity = used.Contains(comment) ? Severity.Warning : Severity.Note });
            }
        }

        return result;
    }
}
