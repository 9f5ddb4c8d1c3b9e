using PyGuard.Engine.Analysis;
using PyGuard.Syntax.Tree;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.Engine;

/// <summary>A node callback sees the node being visited, its parent and its ancestors, at any depth.</summary>
public sealed class NodeContextTests
{
    /// <summary>Records, for every name, the kinds of the node itself, its parent and its ancestors (nearest first).</summary>
    private sealed class Recorder : TestAnalyzer
    {
        public List<(string Name, NodeKind? Parent, List<NodeKind> Ancestors)> Names { get; } = [];

        public override void Initialize(AnalysisRegistration registration) => registration.RegisterNodeAction(Record, NodeKind.ExprName);

        private void Record(NodeContext context) =>
            Names.Add((((ExprName)context.Node).Id, context.Parent?.Kind, [.. context.Ancestors.Select(a => a.Kind)]));
    }

    private static List<(string Name, NodeKind? Parent, List<NodeKind> Ancestors)> Scan(string code)
    {
        var recorder = new Recorder();
        TestAnalyzer.Scan([code], recorder);
        return recorder.Names;
    }

    [Fact]
    public void Each_node_sees_its_own_parent_and_ancestors()
    {
        var names = Scan("f(g(x))\ny");

        names.Select(n => n.Name).ShouldBe(["f", "g", "x", "y"]);
        names[0].Ancestors.ShouldBe([NodeKind.ExprCall, NodeKind.StmtExpr, NodeKind.ModModule]);
        names[2].Parent.ShouldBe(NodeKind.ExprCall);
        names[2].Ancestors.ShouldBe([NodeKind.ExprCall, NodeKind.ExprCall, NodeKind.StmtExpr, NodeKind.ModModule]);
        names[3].Ancestors.ShouldBe([NodeKind.StmtExpr, NodeKind.ModModule]);
    }

    [Fact]
    public void Deep_nesting_keeps_every_ancestor()
    {
        const int depth = 100;
        var names = Scan(string.Concat(Enumerable.Repeat("-", depth)) + "x\ny");

        var x = names.Single(n => n.Name == "x");
        x.Parent.ShouldBe(NodeKind.ExprUnaryOp);
        x.Ancestors.Count.ShouldBe(depth + 2);
        x.Ancestors.Take(depth).ShouldAllBe(kind => kind == NodeKind.ExprUnaryOp);
        names.Single(n => n.Name == "y").Ancestors.ShouldBe([NodeKind.StmtExpr, NodeKind.ModModule]);
    }
}
