using System.Collections.Immutable;
using PyGuard.Engine.Model;

namespace PyGuard.Analyzers.Common;

/// <summary>Shorthand for declaring a rule's metadata next to its analyzer.</summary>
internal static class Rule
{
    public static RuleDescriptor Define(
        string id, string title, string message, RuleCategory category, Severity severity, Confidence confidence,
        double securitySeverity, int[] cwe, string whatItDoes, string why, string example, string instead,
        string? safeExample = null, params string[] references) =>
        new(id, title, message, category, severity, confidence, securitySeverity, [.. cwe],
            new RuleHelp(whatItDoes, why, example, instead) { SafeExample = safeExample, References = [.. references] });
}
