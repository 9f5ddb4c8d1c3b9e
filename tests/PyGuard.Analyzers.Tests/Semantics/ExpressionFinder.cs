using PyGuard.Semantics;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Tests.Semantics;

/// <summary>Finds the expression a test asks about: the argument of the last call to a marker function.</summary>
internal static class ExpressionFinder
{
    /// <summary>The first argument of the last call to <c>probe(...)</c> in the module.</summary>
    public static Expr Probe(SemanticModel model)
    {
        var finder = new Finder();
        finder.Visit(model.Tree.Root);
        return finder.Last ?? throw new InvalidOperationException("no probe(...) call in the test code");
    }

    private sealed class Finder : NodeWalker
    {
        public Expr? Last { get; private set; }

        public override void VisitExprCall(ExprCall node)
        {
            if (node.Func is ExprName { Id: "probe" } && node.Args.Length == 1)
            {
                Last = node.Args[0];
            }

            base.VisitExprCall(node);
        }
    }
}
