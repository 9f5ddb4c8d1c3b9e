using PyGuard.Engine.Analysis;
using PyGuard.Syntax.Tree;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.Engine;

/// <summary>A call action with a callee filter is given exactly the calls whose callee may be one of its names.</summary>
public sealed class CallActionTests
{
    private const string Code = """
        import os
        from os import system as run
        os.system('a')
        print('b')
        run('c')
        os.getcwd()
        f = os.system if len(os.sep) else print
        f('d')
        os.kill(1, 9)
        """;

    /// <summary>Records the line of every call it is given.</summary>
    private sealed class Recorder(IEnumerable<string>? callees) : TestAnalyzer
    {
        public List<int> Lines { get; } = [];

        public override void Initialize(AnalysisRegistration registration)
        {
            if (callees is null)
            {
                registration.RegisterNodeAction(Record, NodeKind.ExprCall);
            }
            else
            {
                registration.RegisterCallAction(Record, callees);
            }
        }

        private void Record(NodeContext context) => Lines.Add(context.LocationOf(context.Node.Span).Line);
    }

    private static void Scan(params Analyzer[] analyzers) => TestAnalyzer.Scan([Code], analyzers);

    [Fact]
    public void Only_calls_that_may_be_a_listed_callee_are_given_in_source_order_aliases_included()
    {
        var system = new Recorder(["os.system"]);
        Scan(system);
        system.Lines.ShouldBe([3, 5, 8]);
    }

    [Fact]
    public void Filters_that_share_a_callee_each_see_it_and_unfiltered_actions_see_every_call()
    {
        var system = new Recorder(["os.system"]);
        var processes = new Recorder(["os.kill", "os.system", "os.fork"]);
        var nothing = new Recorder(["os.fork"]);
        var every = new Recorder(null);
        Scan(system, processes, nothing, every);

        system.Lines.ShouldBe([3, 5, 8]);
        processes.Lines.ShouldBe([3, 5, 8, 9]);
        nothing.Lines.ShouldBeEmpty();
        every.Lines.ShouldBe([3, 4, 5, 6, 7, 8, 9]);
    }

    [Fact]
    public void A_filter_must_name_a_callee() =>
        Should.Throw<ArgumentException>(() => Scan(new Recorder([])));
}
