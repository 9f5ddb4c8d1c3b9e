using System.Collections.Immutable;
using PyGuard.Engine.Model;
using PyGuard.Engine.Pipeline;
using PyGuard.Engine.Policies;
using PyGuard.Semantics;
using PyGuard.Syntax;
using PyGuard.Syntax.Text;
using PyGuard.Syntax.Tree;

namespace PyGuard.Engine.Analysis;

/// <summary>
/// The per-file state of one scan: the findings reported so far, the analyzers that failed, and the
/// nesting depth of embedded payloads. Every mutable thing of a scan lives here, never in an analyzer.
/// </summary>
internal sealed class FileAnalysis
{
    /// <summary>How many payloads deep (code decoded inside code decoded inside code) a scan follows.</summary>
    public const int MaxEmbeddingDepth = 3;

    private readonly ScanEngine _engine;
    private readonly int _depth;
    private readonly List<Finding> _findings = [];
    private readonly HashSet<(string, SourceLocation, string)> _seen = [];
    private readonly HashSet<Analyzer> _failed = [];
    private Dictionary<Analyzer, object>? _states;

    public FileAnalysis(ScanEngine engine, SyntaxTree tree, SemanticModel model, Policy policy, int depth)
    {
        _engine = engine;
        Tree = tree;
        Model = model;
        Policy = policy;
        _depth = depth;
    }

    public SyntaxTree Tree { get; }

    public SemanticModel Model { get; }

    public Policy Policy { get; }

    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>Failures are rare, so the empty set is checked without hashing.</summary>
    public bool HasFailed(Analyzer analyzer) => _failed.Count != 0 && _failed.Contains(analyzer);

    /// <summary>The analyzer's state for this file (see <see cref="FileContext.FileState{T}"/>).</summary>
    public T StateOf<T>(Analyzer analyzer)
        where T : class, new()
    {
        _states ??= [];
        if (!_states.TryGetValue(analyzer, out var state))
        {
            _states[analyzer] = state = new T();
        }

        return (T)state;
    }

    /// <summary>Turns an analyzer's exception into a finding and silences that analyzer for the rest of the file.</summary>
    public void Fail(Analyzer analyzer, Exception exception, TextSpan span)
    {
        if (_failed.Add(analyzer))
        {
            AddFinding(EngineRules.AnalyzerFailed, span, null, null,
                EngineRules.AnalyzerFailed.FormatMessage(analyzer.Name, exception.GetType().Name, exception.Message), []);
        }
    }

    public void Report(Analyzer analyzer, RuleDescriptor rule, TextSpan span, Severity? severity, Confidence? confidence, string message, ImmutableArray<(TextSpan Span, string Message)> steps)
    {
        if (!analyzer.SupportedRules.Contains(rule))
        {
            throw new InvalidOperationException($"{analyzer.Name} reported {rule.Id}, which it does not declare");
        }

        AddFinding(rule, span, severity, confidence, message, steps);
    }

    /// <summary>Records a finding under the policy: a rule switched off is dropped, a set severity replaces the rule's own.</summary>
    public void AddFinding(RuleDescriptor rule, TextSpan span, Severity? severity, Confidence? confidence, string message, ImmutableArray<(TextSpan Span, string Message)> steps)
    {
        var setting = Policy.SettingFor(rule.Id);
        if (setting == RuleSetting.Off)
        {
            return;
        }

        var effective = setting switch
        {
            RuleSetting.Note => Severity.Note,
            RuleSetting.Warning => Severity.Warning,
            RuleSetting.Error => Severity.Error,
            _ => severity ?? rule.DefaultSeverity,
        };
        var location = LocationOf(span);
        message = MessageText.Sanitize(message);
        if (!_seen.Add((rule.Id, location, message)))
        {
            return;
        }

        var finding = new Finding(rule, effective, confidence ?? rule.Confidence, message, location);
        if (!steps.IsDefaultOrEmpty)
        {
            finding = finding with { Flow = [.. steps.Select(s => new FlowStep(LocationOf(s.Span), s.Message))] };
        }

        _findings.Add(finding);
    }

    /// <summary>Adds a finding made elsewhere (an embedded payload's), keeping its rule and severity.</summary>
    public void AddFinding(Finding finding)
    {
        if (Policy.IsEnabled(finding.RuleId) && _seen.Add((finding.RuleId, finding.Location, finding.Message)))
        {
            _findings.Add(finding);
        }
    }

    public SourceLocation LocationOf(TextSpan span)
    {
        var text = Tree.Text;
        var start = Math.Clamp(span.Start, 0, text.Length);
        var end = Math.Clamp(span.End, start, text.Length);
        var (line, column) = text.GetCodePointPosition(start);
        var (endLine, endColumn) = text.GetCodePointPosition(end);
        return new SourceLocation(line, column + 1, endLine, endColumn + 1);
    }

    public void ScanEmbedded(string source, Node site, string description)
    {
        if (_depth + 1 >= MaxEmbeddingDepth)
        {
            AddFinding(EngineRules.AnalysisIncomplete, site.Span, null, null,
                EngineRules.AnalysisIncomplete.FormatMessage($"{description} is nested more than {MaxEmbeddingDepth} levels deep"), []);
            return;
        }

        var location = LocationOf(site.Span);
        foreach (var inner in _engine.AnalyzeEmbedded(source, Policy, _depth + 1))
        {
            AddFinding(inner with
            {
                Location = location,
                Message = $"{inner.Message} [in {description}, its line {inner.Location.Line}]",
                Flow = [],
            });
        }
    }
}
