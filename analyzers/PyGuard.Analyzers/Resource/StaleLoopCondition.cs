using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics;
using PyGuard.Semantics.Scopes;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Resource;

/// <summary>PG402: a <c>while</c> loop whose condition reads only names the loop never changes.</summary>
public sealed class StaleLoopCondition : Analyzer
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG402", "Loop condition that never changes", "the loop condition reads {0}, which nothing in the loop changes",
        RuleCategory.Resource, Severity.Warning, Confidence.Medium, 5.5, [835],
        whatItDoes: "Reports `while` loops whose condition reads only variables that the loop body never assigns, deletes or rebinds, and whose body calls nothing that could change them (for module globals: no function of this file, no `exec`, no `globals()`; for a function's variables: no call while a nested function declares them `nonlocal`), and that has no `break`, `return` or `raise`. If the condition is true once, it is true forever.",
        why: "This is the classic forgotten increment: `while i < n:` without `i += 1`. The loop either never runs or never stops.",
        example: "i = 0\nwhile i < 10:\n    print(i)",
        instead: "Update the variable the condition reads, or loop with `for i in range(10):`.",
        safeExample: "for i in range(10):\n    print(i)");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterNodeAction(Analyze, NodeKind.StmtWhile);

    private static void Analyze(NodeContext context)
    {
        var loop = (StmtWhile)context.Node;
        var model = context.Model;
        if (model.ValueOf(loop.Test).Truthiness() == false)
        {
            return;
        }

        var reads = new ConditionReads();
        reads.Visit(loop.Test);
        if (!reads.OnlyNames || reads.Names.Count == 0 || LoopExits.Analyze(model, loop.Body).CanExit)
        {
            return;
        }

        var body = EffectsOf(model, loop);
        if (reads.Names.Any(body.Assigned.Contains))
        {
            return;
        }

        if (MayBeReboundElsewhere(model, loop, reads.Names, body.MayChangeGlobals))
        {
            // Another function (a thread, a signal handler, a helper the loop calls) may set the flag the loop waits for.
            return;
        }

        context.Report(Descriptor, loop.Test, string.Join(", ", reads.Names.Order(StringComparer.Ordinal).Select(n => $"'{n}'")));
    }

    /// <summary>
    /// Whether code outside the loop's own statements may rebind one of <paramref name="names"/> while it
    /// runs: a module global when the body calls code that could rebind globals or some function declares
    /// it <c>global</c>; a function's variable when a nested function declares it <c>nonlocal</c> and the
    /// body calls something.
    /// </summary>
    private static bool MayBeReboundElsewhere(SemanticModel model, StmtWhile loop, IEnumerable<string> names, bool bodyCallsCode)
    {
        var scope = model.ScopeContaining(loop);
        foreach (var name in names)
        {
            if (scope.Resolve(name) is { Kind: ScopeKind.Module } && (bodyCallsCode || DeclaredGlobalElsewhere(model.ModuleScope, name)))
            {
                return true;
            }
        }

        return DeclaredRebindable(model, loop, names, bodyCallsCode);
    }

    /// <summary>
    /// Whether the loop calls code and one of <paramref name="names"/> is declared <c>global</c> or
    /// <c>nonlocal</c> by some function that could be that code: only such a declaration (or exec) lets a
    /// call rebind the variable. The interpreter folds the condition from the values it saw assigned, so
    /// PG401 asks this before it calls a condition over variables always true.
    /// </summary>
    internal static bool DeclaredRebindable(SemanticModel model, StmtWhile loop, IEnumerable<string> names, bool bodyCallsCode)
    {
        if (!bodyCallsCode)
        {
            return false;
        }

        var scope = model.ScopeContaining(loop);
        foreach (var name in names)
        {
            var owner = scope.Resolve(name);
            if (owner is { Kind: ScopeKind.Module } && DeclaredGlobalElsewhere(model.ModuleScope, name))
            {
                return true;
            }

            if (owner is { IsFunctionLike: true } && owner.Children.Any(c => DeclaredGlobalElsewhere(c, name)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The names a loop's condition reads, and whether the body calls code that could rebind them, for PG401.</summary>
    internal static (IReadOnlyCollection<string> Names, bool BodyCallsCode) ConditionAndCalls(SemanticModel model, StmtWhile loop)
    {
        var reads = new ConditionReads();
        reads.Visit(loop.Test);
        return (reads.Names, EffectsOf(model, loop).MayChangeGlobals);
    }

    /// <summary>What the loop's body and condition may change.</summary>
    private static BodyEffects EffectsOf(SemanticModel model, StmtWhile loop)
    {
        var body = new BodyEffects(model);
        foreach (var statement in loop.Body)
        {
            body.Visit(statement);
        }

        body.Visit(loop.Test);
        return body;
    }

    private static bool DeclaredGlobalElsewhere(Scope scope, string name) =>
        (scope.FlagsOf(name) & (SymbolFlags.Global | SymbolFlags.Nonlocal)) != 0 || scope.Children.Any(c => DeclaredGlobalElsewhere(c, name));

    /// <summary>The names a condition reads; false when it also reads attributes, items or calls.</summary>
    private sealed class ConditionReads : NodeWalker
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public bool OnlyNames { get; private set; } = true;

        public override void VisitExprName(ExprName node) => Names.Add(node.Id);

        public override void VisitExprAttribute(ExprAttribute node) => OnlyNames = false;

        public override void VisitExprSubscript(ExprSubscript node) => OnlyNames = false;

        public override void VisitExprCall(ExprCall node) => OnlyNames = false;

        public override void VisitExprNamedExpr(ExprNamedExpr node) => OnlyNames = false;

        public override void VisitExprAwait(ExprAwait node) => OnlyNames = false;
    }

    /// <summary>What the loop body may change: names it binds, and whether it calls code that could rebind globals.</summary>
    private sealed class BodyEffects(SemanticModel model) : NodeWalker
    {
        public HashSet<string> Assigned { get; } = new(StringComparer.Ordinal);

        public bool MayChangeGlobals { get; private set; }

        public override void VisitExprName(ExprName node)
        {
            if (node.Ctx != ExprContext.Load)
            {
                Assigned.Add(node.Id);
            }
        }

        public override void VisitExprNamedExpr(ExprNamedExpr node)
        {
            if (node.Target is ExprName name)
            {
                Assigned.Add(name.Id);
            }

            base.VisitExprNamedExpr(node);
        }

        public override void VisitStmtGlobal(StmtGlobal node) => Assigned.UnionWith(node.Names);

        public override void VisitStmtNonlocal(StmtNonlocal node) => Assigned.UnionWith(node.Names);

        public override void VisitStmtImport(StmtImport node) => Assigned.UnionWith(node.Names.Select(a => a.Asname ?? a.Name.Split('.')[0]));

        public override void VisitStmtImportFrom(StmtImportFrom node) => Assigned.UnionWith(node.Names.Select(a => a.Asname ?? a.Name));

        public override void VisitExprCall(ExprCall node)
        {
            var callee = model.ValueOf(node.Func);
            if (callee.MayBeOther || callee.Any(v => v is FunctionValue or ClassValue) ||
                callee.QualifiedNames.Any(n => n is "builtins.exec" or "builtins.eval" or "builtins.globals" or "builtins.setattr" or "builtins.vars"))
            {
                MayChangeGlobals = true;
            }

            base.VisitExprCall(node);
        }
    }
}
