using System.Collections.Concurrent;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Regex;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Redos;

/// <summary>
/// Runs the ReDoS analysis (src/PyGuard.Regex) on every regular expression the file applies, and reports
/// PG501 (exponential), PG502 (polynomial) and PG504 (invalid or not analysable).
/// </summary>
public sealed class RegexBacktracking : Analyzer
{
    private const int CacheCapacity = 4096;

    /// <summary>
    /// Results of the pure, deterministic analysis by (pattern, flags, mode): the same pattern appears in
    /// many files and many times in one. Bounded; cleared wholesale when full. It is the only state an
    /// analyzer keeps, and it never depends on which file asked.
    /// </summary>
    private static readonly ConcurrentDictionary<(string Pattern, bool Bytes, long Flags, MatchMode Mode), RedosReport> Cache = new();

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } =
        [ExponentialRegex.Descriptor, PolynomialRegex.Descriptor, InvalidRegex.Descriptor];

    /// <remarks>The uses are gathered during the one walk, and judged when the file is done.</remarks>
    public override void Initialize(AnalysisRegistration registration)
    {
        registration.RegisterCallAction(GatherModuleCall, RegexUses.ModuleFunctions);
        registration.RegisterAttributeAction(GatherMethodCall, RegexUses.PatternMethods);
        registration.RegisterFileEndAction(Analyze);
    }

    private static void GatherModuleCall(NodeContext context) =>
        context.FileState<RegexUses>().AddModuleCall(context.Model, (ExprCall)context.Node);

    private static void GatherMethodCall(NodeContext context)
    {
        if (context.MethodCall() is { } call)
        {
            context.FileState<RegexUses>().AddMethodCall(context.Model, call);
        }
    }

    private static void Analyze(FileContext context)
    {
        foreach (var use in context.FileState<RegexUses>().Finish())
        {
            var report = AnalyzeCached(use);
            var pattern = Describe(use.Pattern);
            switch (report.Status)
            {
                case AnalysisStatus.InvalidPattern:
                    context.Report(InvalidRegex.Descriptor, use.PatternSite, $"{use.Function}: {pattern} does not compile: {report.Error}");
                    continue;
                case AnalysisStatus.Incomplete when !report.IsVulnerable:
                    context.Report(InvalidRegex.Descriptor, use.PatternSite.Span, Severity.Warning, Confidence.Low,
                        $"{use.Function}: {pattern} is too complex to analyse within PyGuard's bounds ({report.Explanation})");
                    continue;
            }

            if (!report.IsVulnerable)
            {
                continue;
            }

            var attack = report.AttackString is { } a ? $"; attack: {a.ToPython()}" : string.Empty;
            var confidence = report.Approximated && !report.ConfirmedBySimulation ? Confidence.Medium : Confidence.High;
            if (report.Complexity == Complexity.Exponential)
            {
                context.Report(ExponentialRegex.Descriptor, use.PatternSite.Span, null, confidence,
                    $"{use.Function}: {pattern} backtracks exponentially: {report.Explanation}{attack}");
                continue;
            }

            var inputLength = SubjectLength(context, use.Subject);
            var work = inputLength is { } n ? Math.Pow(n, report.Degree) : (double?)null;
            var severity = report.Degree >= 3 || work > context.Policy.Resources.MaxOperations ? Severity.Error : Severity.Warning;
            var applied = work is { } steps ? $"; applied to {inputLength:0}-character input: ~10^{Math.Floor(Math.Log10(Math.Max(steps, 1))):0} steps" : string.Empty;
            context.Report(PolynomialRegex.Descriptor, use.PatternSite.Span, severity, confidence,
                $"{use.Function}: {pattern} backtracks in O(n^{report.Degree}): {report.Explanation}{attack}{applied}");
        }
    }

    private static RedosReport AnalyzeCached(RegexUse use)
    {
        var (text, isBytes) = use.Pattern switch
        {
            PyStr s => (s.Value, false),
            PyBytes b => (b.AsLatin1(), true),
            _ => (string.Empty, false),
        };
        var key = (text, isBytes, use.Flags, use.Mode);
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var report = isBytes
            ? RedosChecker.Analyze(((PyBytes)use.Pattern).Value.AsSpan(), (RegexFlags)use.Flags, use.Mode)
            : RedosChecker.Analyze(text, (RegexFlags)use.Flags, use.Mode);
        if (Cache.Count >= CacheCapacity)
        {
            Cache.Clear();
        }

        Cache[key] = report;
        return report;
    }

    private static double? SubjectLength(FileContext context, Expr? subject) =>
        subject is null ? null : context.Model.ConstantOf(subject) switch
        {
            PyStr s => s.Value.Length,
            PyBytes b => b.Value.Length,
            PyHugeSequence h => h.Length,
            _ => null,
        };

    private static string Describe(PyValue pattern) =>
        Common.CallSites.Describe(PyValueFormatting.ToPythonRepr(pattern) ?? "the pattern", 80);
}
