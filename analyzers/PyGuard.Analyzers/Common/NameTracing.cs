using PyGuard.Semantics;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Common;

/// <summary>
/// A search of an expression that, when it finds nothing, goes on in what the expression's names were
/// assigned in their scope, up to two assignments back: the shared walk behind <see cref="DecodingCalls"/>
/// and <see cref="ExternalInput"/>.
/// </summary>
internal static class NameTracing
{
    private const int MaxDepth = 2;

    /// <summary>Walks an expression until <see cref="Found"/> is set, remembering the names it reads.</summary>
    public abstract class Finder : NodeWalker
    {
        public string? Found { get; protected set; }

        public List<ExprName> Names { get; } = [];

        public override void Visit(Node node)
        {
            if (Found is null)
            {
                base.Visit(node);
            }
        }

        public override void VisitExprName(ExprName node)
        {
            if (node.Ctx == ExprContext.Load)
            {
                Names.Add(node);
            }
        }
    }

    /// <summary>
    /// What a fresh finder (<paramref name="newFinder"/>, one per expression searched) finds in
    /// <paramref name="expr"/>, or else in the expressions <paramref name="assignedValues"/> gives for its names.
    /// </summary>
    public static string? Find(SemanticModel model, Expr expr, Func<Finder> newFinder, Func<SemanticModel, ExprName, IEnumerable<Expr>> assignedValues, int depth = 0)
    {
        var finder = newFinder();
        finder.Visit(expr);
        if (finder.Found is not null || depth >= MaxDepth)
        {
            return finder.Found;
        }

        foreach (var name in finder.Names)
        {
            foreach (var value in assignedValues(model, name))
            {
                if (Find(model, value, newFinder, assignedValues, depth + 1) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }
}
