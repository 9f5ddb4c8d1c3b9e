using PyGuard.Engine.Analysis;
using PyGuard.Syntax.Tree;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.Engine;

/// <summary>An analyzer's file state is its own and the file's, and its end-of-file action sees what the walk gathered.</summary>
public sealed class FileStateTests
{
    private sealed class Names
    {
        public List<string> Seen { get; } = [];
    }

    /// <summary>Gathers the names of a file during the walk and records them at the end of the file.</summary>
    private sealed class Gatherer(string prefix) : TestAnalyzer
    {
        public List<List<string>> Files { get; } = [];

        public override void Initialize(AnalysisRegistration registration)
        {
            registration.RegisterNodeAction(Gather, NodeKind.ExprName);
            registration.RegisterFileEndAction(End);
        }

        private void Gather(NodeContext context)
        {
            if (((ExprName)context.Node).Id.StartsWith(prefix, StringComparison.Ordinal))
            {
                context.FileState<Names>().Seen.Add(((ExprName)context.Node).Id);
            }
        }

        private void End(FileContext context) => Files.Add(context.FileState<Names>().Seen);
    }

    [Fact]
    public void Each_analyzer_gathers_into_its_own_state_for_each_file()
    {
        var a = new Gatherer("a");
        var b = new Gatherer("b");
        TestAnalyzer.Scan(["a1 + b1\nf(a2)", "b2\nc"], a, b);

        a.Files.ShouldBe([["a1", "a2"], []]);
        b.Files.ShouldBe([["b1"], ["b2"]]);
    }
}
