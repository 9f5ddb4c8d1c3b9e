using System.Collections.Immutable;
using PyGuard.Engine.Model;

namespace PyGuard.Reporting.Tests;

/// <summary>Rule descriptors and findings made up for report tests, independent of the real analyzers.</summary>
internal static class TestRules
{
    public static readonly RuleDescriptor Eval = Make("PG201", "Use of eval", RuleCategory.Exec, Severity.Error, Confidence.High, 9.1, [95, 78]);

    public static readonly RuleDescriptor Import = Make("PG101", "Import of a dangerous module", RuleCategory.Import, Severity.Warning, Confidence.Medium, 6.0, [676]);

    public static readonly RuleDescriptor Loop = Make("PG401", "Infinite loop", RuleCategory.Resource, Severity.Note, Confidence.Low, 3.5, []);

    public static readonly RuleDescriptor Leak = Make("PG601", "Secret sent over the network", RuleCategory.Exfil, Severity.Error, Confidence.Medium, 8.5, [200]);

    public static IReadOnlyList<RuleDescriptor> All { get; } = [Eval, Import, Loop, Leak];

    public static RuleDescriptor Make(string id, string title, RuleCategory category, Severity severity, Confidence confidence, double securitySeverity, ImmutableArray<int> cwe) =>
        new(id, title, "{0}", category, severity, confidence, securitySeverity, cwe,
            new RuleHelp($"Reports {title.ToLowerInvariant()}.", "It can hurt you.", "bad()", "Do something else.")
            {
                SafeExample = "good()",
                References = ["https://docs.python.org/3/"],
            });

    public static Finding Finding(RuleDescriptor rule, int line, int column, int endLine, int endColumn, string? message = null) =>
        new(rule, rule.DefaultSeverity, rule.Confidence, message ?? rule.Title.ToLowerInvariant(), new SourceLocation(line, column, endLine, endColumn));

    public static FileScanResult File(string path, params Finding[] findings) =>
        new(path, findings.Length == 0 ? Verdict.Allow : Verdict.Block, findings.Length == 0 ? 0 : 90, [.. findings]);
}
