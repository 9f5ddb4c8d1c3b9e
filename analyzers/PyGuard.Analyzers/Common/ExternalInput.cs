using System.Collections.Frozen;
using PyGuard.Semantics;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Common;

/// <summary>
/// Recognises values that come from outside the program — the command line, standard input, the
/// network, files, the environment — in an expression or in what its names were assigned (two steps back),
/// for rules whose severity depends on whether an attacker can choose the value.
/// </summary>
internal static class ExternalInput
{
    private static readonly FrozenSet<string> Sources = FrozenSet.ToFrozenSet(
    [
        "builtins.input", "sys.argv", "sys.stdin", "os.environ", "os.getenv", "os.environ.get", "builtins.open",
        "urllib.request.urlopen", "requests.get", "requests.post", "requests.request", "httpx.get", "httpx.post",
        "socket.socket.recv", "socket.socket.recvfrom", "json.load", "pickle.load", "io.IOBase.read", "io.IOBase.readline",
        "io.IOBase.readlines", "sys.stdin.read", "sys.stdin.readline", "fileinput.input", "argparse.ArgumentParser.parse_args",
    ], StringComparer.Ordinal);

    /// <summary>A short description of the external source feeding <paramref name="expr"/>, or null.</summary>
    public static string? Find(SemanticModel model, Expr expr) =>
        NameTracing.Find(model, expr, () => new Finder(model), AssignedValues);

    private static IEnumerable<Expr> AssignedValues(SemanticModel model, ExprName name)
    {
        var collector = new Assignments(name.Id);
        collector.Visit(model.ScopeContaining(name).Node);
        return collector.Values;
    }

    private sealed class Finder(SemanticModel model) : NameTracing.Finder
    {
        public override void VisitExprCall(ExprCall node)
        {
            Found ??= model.CalleeNames(node).FirstOrDefault(n => Sources.Contains(n) || n.EndsWith(".json", StringComparison.Ordinal) && n.StartsWith("requests.", StringComparison.Ordinal)) is { } source
                ? $"from {source.Replace("builtins.", string.Empty, StringComparison.Ordinal)}()"
                : null;
            base.VisitExprCall(node);
        }

        public override void VisitExprAttribute(ExprAttribute node)
        {
            Found ??= model.QualifiedNamesOf(node).FirstOrDefault(n => n is "sys.argv" or "os.environ" or "sys.stdin") is { } source ? $"from {source}" : null;
            base.VisitExprAttribute(node);
        }

        public override void VisitExprName(ExprName node)
        {
            if (node.Ctx == ExprContext.Load)
            {
                Found ??= model.QualifiedNamesOf(node).FirstOrDefault(n => n is "sys.argv" or "os.environ" or "sys.stdin") is { } source ? $"from {source}" : null;
            }

            base.VisitExprName(node);
        }
    }

    /// <summary>What a name is assigned in a scope: assignments, for-loop and with targets.</summary>
    private sealed class Assignments(string name) : NodeWalker
    {
        public List<Expr> Values { get; } = [];

        public override void VisitStmtAssign(StmtAssign node)
        {
            if (node.Targets.Any(Binds))
            {
                Values.Add(node.Value);
            }

            base.VisitStmtAssign(node);
        }

        public override void VisitStmtFor(StmtFor node)
        {
            if (Binds(node.Target))
            {
                Values.Add(node.Iter);
            }

            base.VisitStmtFor(node);
        }

        public override void VisitWithItem(WithItem node)
        {
            if (node.OptionalVars is { } target && Binds(target))
            {
                Values.Add(node.ContextExpr);
            }

            base.VisitWithItem(node);
        }

        private bool Binds(Expr target) => target switch
        {
            ExprName n => n.Id == name,
            ExprTuple t => t.Elts.Any(Binds),
            ExprList l => l.Elts.Any(Binds),
            ExprStarred s => Binds(s.Value),
            _ => false,
        };
    }
}
