using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Engine.Pipeline;
using PyGuard.Engine.Policies;
using PyGuard.Syntax.Tree;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.Engine;

/// <summary>
/// Which callbacks the walk skips: those of an analyzer whose file condition rules the file out, and those
/// of an analyzer that failed, for the rest of that file only.
/// </summary>
public sealed class NodeActionConditionTests
{
    /// <summary>Records the names it sees; its node callbacks run only where <paramref name="applies"/> holds.</summary>
    private sealed class Conditioned(Func<FileContext, bool> applies) : TestAnalyzer
    {
        public List<string> Names { get; } = [];

        public int FileActions { get; private set; }

        public override void Initialize(AnalysisRegistration registration)
        {
            registration.RegisterNodeAction(context => Names.Add(((ExprName)context.Node).Id), NodeKind.ExprName);
            registration.RegisterFileAction(_ => FileActions++);
            registration.RunNodeActionsOnlyIf(applies);
        }
    }

    /// <summary>Throws on the names it is told to, in a file action when <paramref name="failBeforeWalk"/> is set.</summary>
    private sealed class Failing(string failOn, bool failBeforeWalk = false) : TestAnalyzer
    {
        public List<string> Names { get; } = [];

        public override void Initialize(AnalysisRegistration registration)
        {
            registration.RegisterNodeAction(Record, NodeKind.ExprName);
            registration.RegisterFileAction(context =>
            {
                if (failBeforeWalk && context.Text.Text.Contains(failOn, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("file action failed");
                }
            });
        }

        private void Record(NodeContext context)
        {
            var name = ((ExprName)context.Node).Id;
            Names.Add(name);
            if (name == failOn)
            {
                throw new InvalidOperationException("node action failed");
            }
        }
    }

    private static List<FileScanResult> Scan(IEnumerable<string> files, params Analyzer[] analyzers)
    {
        var engine = new ScanEngine(analyzers);
        return [.. files.Select(code => engine.Scan(code, "test.py", Policy.Agent))];
    }

    private static int Failures(FileScanResult result) => result.Findings.Count(f => f.RuleId == EngineRules.AnalyzerFailed.Id);

    [Fact]
    public void Node_callbacks_run_only_in_files_the_condition_admits_and_file_actions_run_in_all()
    {
        var analyzer = new Conditioned(file => file.Text.Text.Contains("yes", StringComparison.Ordinal));
        Scan(["a + b", "yes = c", "d"], analyzer);

        analyzer.Names.ShouldBe(["yes", "c"]);
        analyzer.FileActions.ShouldBe(3);
    }

    [Fact]
    public void Every_condition_of_an_analyzer_must_hold()
    {
        var twice = new TwoConditions();
        Scan(["x", "y", "x + y"], twice);
        twice.Names.ShouldBe(["x", "y"]);
    }

    private sealed class TwoConditions : TestAnalyzer
    {
        public List<string> Names { get; } = [];

        public override void Initialize(AnalysisRegistration registration)
        {
            registration.RegisterNodeAction(context => Names.Add(((ExprName)context.Node).Id), NodeKind.ExprName);
            registration.RunNodeActionsOnlyIf(file => file.Text.Text.Contains('x'));
            registration.RunNodeActionsOnlyIf(file => file.Text.Text.Contains('y'));
        }
    }

    [Fact]
    public void A_condition_that_throws_is_reported_and_silences_its_analyzer_for_that_file()
    {
        var analyzer = new Conditioned(file => file.Text.Text.Contains("boom", StringComparison.Ordinal)
            ? throw new InvalidOperationException("condition failed")
            : true);
        var results = Scan(["boom + a", "b"], analyzer);

        analyzer.Names.ShouldBe(["b"]);
        Failures(results[0]).ShouldBe(1);
        Failures(results[1]).ShouldBe(0);
    }

    [Fact]
    public void An_analyzer_that_throws_is_reported_once_and_skipped_for_the_rest_of_the_file_only()
    {
        var failing = new Failing("bad");
        var healthy = new Conditioned(_ => true);
        var results = Scan(["a\nbad\nc\nbad", "d\nbad\ne"], failing, healthy);

        failing.Names.ShouldBe(["a", "bad", "d", "bad"]);
        healthy.Names.ShouldBe(["a", "bad", "c", "bad", "d", "bad", "e"]);
        Failures(results[0]).ShouldBe(1);
        Failures(results[1]).ShouldBe(1);
    }

    [Fact]
    public void An_analyzer_whose_file_action_failed_gets_no_node_callbacks_in_that_file()
    {
        var failing = new Failing("stop", failBeforeWalk: true);
        var results = Scan(["stop + a", "b"], failing);

        failing.Names.ShouldBe(["b"]);
        Failures(results[0]).ShouldBe(1);
    }
}
