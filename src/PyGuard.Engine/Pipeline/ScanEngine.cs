using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Engine.Policies;
using PyGuard.Engine.Scoring;
using PyGuard.Engine.Suppressions;
using PyGuard.Semantics;
using PyGuard.Syntax;
using PyGuard.Syntax.Text;

namespace PyGuard.Engine.Pipeline;

/// <summary>
/// The pipeline for one file: decode and parse, build the semantic model, run every analyzer in one
/// walk, apply suppressions, score and decide. Immutable after construction and safe to use from many
/// threads at once; each call keeps its state in a <see cref="FileAnalysis"/>.
/// </summary>
public sealed class ScanEngine
{
    private readonly DispatchTable _dispatch;
    private readonly ILogger _logger;

    public ScanEngine(IEnumerable<Analyzer> analyzers, ILogger? logger = null)
    {
        Analyzers = [.. analyzers];
        _logger = logger ?? NullLogger.Instance;
        var registrations = new List<AnalysisRegistration>();
        foreach (var analyzer in Analyzers)
        {
            var registration = new AnalysisRegistration(analyzer);
            analyzer.Initialize(registration);
            registrations.Add(registration);
        }

        _dispatch = new DispatchTable(registrations);
        Rules = [.. EngineRules.All
            .Concat([SuppressionRules.IgnoredSuppression, SuppressionRules.UnusedSuppression])
            .Concat(Analyzers.SelectMany(a => a.SupportedRules))
            .Distinct()
            .OrderBy(r => r.Id, StringComparer.Ordinal)];
        var duplicate = Rules.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"rule id {duplicate.Key} is declared twice");
        }
    }

    public ImmutableArray<Analyzer> Analyzers { get; }

    /// <summary>Every rule the engine and its analyzers can report, ordered by id.</summary>
    public ImmutableArray<RuleDescriptor> Rules { get; }

    /// <summary>The language version the gate parses with: the newest, so that code for it is not rejected.</summary>
    public static ParseOptions ParseOptions { get; } = new() { Version = PythonVersion.Python314 };

    public FileScanResult Scan(ReadOnlySpan<byte> source, string path, Policy policy)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return Finish(PythonParser.Parse(source, ParseOptions), path, policy, started);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return InternalFailure(e, path, policy);
        }
    }

    public FileScanResult Scan(string source, string path, Policy policy)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return Finish(PythonParser.Parse(source, ParseOptions), path, policy, started);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return InternalFailure(e, path, policy);
        }
    }

    /// <summary>A failure of the pipeline itself (not of one analyzer) blocks the file rather than crashing the scan.</summary>
    private FileScanResult InternalFailure(Exception exception, string path, Policy policy)
    {
        _logger.LogError(exception, "internal error while scanning {Path}", path);
        ImmutableArray<Finding> findings =
        [
            new Finding(EngineRules.AnalyzerFailed, Severity.Error, Confidence.High,
                MessageText.Sanitize(EngineRules.AnalyzerFailed.FormatMessage("pipeline", exception.GetType().Name, exception.Message)), new SourceLocation(1, 1, 1, 1)),
        ];
        var score = RiskScorer.Score(findings);
        return new FileScanResult(path, RiskScorer.Decide(findings, score, policy), score, findings) { Parsed = false };
    }

    private FileScanResult Finish(ParseResult parse, string path, Policy policy, long started)
    {
        if (parse.Tree is not { } tree)
        {
            return SyntaxFailure(parse.Error!, path, policy);
        }

        var findings = Analyze(tree, policy, depth: 0);
        var comments = SuppressionComment.Find(tree);
        var applied = SuppressionPolicy.Apply(findings, comments, policy, (rule, comment, message) =>
        {
            var (line, column) = tree.Text.GetCodePointPosition(comment.Span.Start);
            var (endLine, endColumn) = tree.Text.GetCodePointPosition(comment.Span.End);
            return new Finding(rule, rule.DefaultSeverity, rule.Confidence, MessageText.Sanitize(message), new SourceLocation(line, column + 1, endLine, endColumn + 1));
        }).Where(f => policy.IsEnabled(f.RuleId)).ToList();

        var ordered = Order(applied);
        var score = RiskScorer.Score(ordered);
        var verdict = RiskScorer.Decide(ordered, score, policy);
        _logger.LogDebug("scanned {Path}: {Lines} lines, {Findings} findings, {Verdict} in {Elapsed:F1} ms",
            path, tree.Text.LineCount, ordered.Length, verdict, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new FileScanResult(path, verdict, score, ordered) { LineCount = tree.Text.LineCount };
    }

    /// <summary>
    /// Runs the semantic model and every analyzer over a parsed tree; no suppressions, no scoring. The model
    /// lives no longer than this call: its values go back to the thread's pool at the end.
    /// </summary>
    internal IReadOnlyList<Finding> Analyze(SyntaxTree tree, Policy policy, int depth)
    {
        SemanticModel? model = null;
        FileAnalysis? analysis = null;
        try
        {
            model = SemanticModel.Build(tree);
            analysis = new FileAnalysis(this, tree, model, policy, depth);
            RunFileActions(analysis, _dispatch.FileActions);
            new AnalysisWalker(analysis, _dispatch).Visit(tree.Root);
            RunFileActions(analysis, _dispatch.FileEndActions);
            if (model.IncompleteReason is { } reason)
            {
                analysis.AddFinding(EngineRules.AnalysisIncomplete, new TextSpan(0, 0), null, null, EngineRules.AnalysisIncomplete.FormatMessage(reason), []);
            }

            return analysis.Findings;
        }
        catch (InsufficientExecutionStackException e)
        {
            analysis ??= new FileAnalysis(this, tree, model ?? SemanticModel.Build(tree, stepBudget: 0), policy, depth);
            analysis.AddFinding(EngineRules.AnalysisIncomplete, new TextSpan(0, 0), null, null, EngineRules.AnalysisIncomplete.FormatMessage(e.Message), []);
            return analysis.Findings;
        }
        finally
        {
            // The findings are complete and hold nothing of the model (an embedded payload's model was
            // released by its own call, before this one's).
            model?.ReleaseValues();
        }
    }

    private static void RunFileActions(FileAnalysis analysis, (Analyzer Analyzer, Action<FileContext> Action)[] actions)
    {
        foreach (var (analyzer, action) in actions)
        {
            if (analysis.HasFailed(analyzer))
            {
                continue;
            }

            try
            {
                action(new FileContext(analysis, analyzer));
            }
            catch (Exception e) when (e is not OutOfMemoryException and not InsufficientExecutionStackException)
            {
                analysis.Fail(analyzer, e, new TextSpan(0, 0));
            }
        }
    }

    /// <summary>Findings of a payload the file carries as a constant, located in the payload's own text.</summary>
    internal IReadOnlyList<Finding> AnalyzeEmbedded(string source, Policy policy, int depth)
    {
        var parse = PythonParser.Parse(source, ParseOptions);
        if (parse.Tree is not { } tree)
        {
            return [];
        }

        return Analyze(tree, policy, depth);
    }

    private static FileScanResult SyntaxFailure(PythonSyntaxError error, string path, Policy policy)
    {
        var location = new SourceLocation(error.Line, error.Column, error.Line, error.Column + 1);
        var finding = new Finding(EngineRules.SyntaxError, Severity.Error, Confidence.High,
            EngineRules.SyntaxError.FormatMessage($"{error.Kind}: {error.Message}"), location);
        ImmutableArray<Finding> findings = [finding];
        var score = RiskScorer.Score(findings);
        return new FileScanResult(path, RiskScorer.Decide(findings, score, policy), score, findings) { Parsed = false };
    }

    private static ImmutableArray<Finding> Order(IEnumerable<Finding> findings) =>
        [.. findings.OrderBy(f => f.Location.Line).ThenBy(f => f.Location.Column).ThenBy(f => f.RuleId, StringComparer.Ordinal)];
}
