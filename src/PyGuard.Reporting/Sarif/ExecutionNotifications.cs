using Microsoft.CodeAnalysis.Sarif;
using PyGuard.Engine.Model;
using PyGuard.Engine.Pipeline;

namespace PyGuard.Reporting.Sarif;

/// <summary>
/// <c>toolExecutionNotifications</c> for files PyGuard could not fully analyse. Such a file is still a
/// result (PG9xx blocks it), but SARIF readers judge a run's completeness from its notifications
/// (SARIF 2.1.0, appendix I): <c>error</c> when a file could not be read or parsed or a check could not
/// run on it, <c>warning</c> when the analysis stopped at its budget.
/// </summary>
internal static class ExecutionNotifications
{
    public static Notification? For(string path, Finding finding, Location location, int ruleIndex)
    {
        FailureLevel level;
        if (finding.RuleId == EngineRules.SyntaxError.Id || finding.RuleId == EngineRules.AnalyzerFailed.Id)
        {
            level = FailureLevel.Error;
        }
        else if (finding.RuleId == EngineRules.AnalysisIncomplete.Id)
        {
            level = FailureLevel.Warning;
        }
        else
        {
            return null;
        }

        return new Notification
        {
            Level = level,
            Message = new Message { Text = MessageText.Sanitize($"{path}: {finding.Message}") },
            Locations = [location],
            AssociatedRule = new ReportingDescriptorReference { Id = finding.RuleId, Index = ruleIndex },
        };
    }
}
