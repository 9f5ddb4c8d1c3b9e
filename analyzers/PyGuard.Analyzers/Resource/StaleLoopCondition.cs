using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics;
using PyGuard.Semantics.Scopes;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Resource;

/// <summary>
/// PG402: a <c>while</c> loop whose condition reads only names the loop never changes, or changes only
/// away from the exit (<c>while n &gt;= 0: n += 1</c>).
/// </summary>
public sealed class StaleLoopCondition : Analyzer
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG402", "Loop condition that never changes", "the loop condition reads {0}, which {1}",
        RuleCategory.Resource, Severity.Warning, Confidence.Medium, 5.5, [835],
        whatItDoes: "Reports `while` loops whose condition reads only variables that the loop body never assigns, deletes or rebinds, and whose body calls nothing that could change them (for module globals: no function of this file, no `exec`, no `globals()`; for a function's variables: no call while a nested function declares them `nonlocal`), and that has no `break`, `return` or `raise`. If the condition is true once, it is true forever. The same holds for a comparison of one variable with a bound (`n >= 0`, `limit > n`) when the loop changes that variable only by `+=`/`-=` of constants that move it away from the bound.",
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
        var changed = reads.Names.Where(body.Assigned.Contains).ToList();
        var onlyAway = changed.Count == 1 && MovesOnlyAwayFromExit(model, loop, changed[0]);
        if (changed.Count > 0 && !onlyAway)
        {
            return;
        }

        if (MayBeReboundElsewhere(model, loop, reads.Names, body.MayChangeGlobals))
        {
            // Another function (a thread, a signal handler, a helper the loop calls) may set the flag the loop waits for.
            return;
        }

        var names = string.Join(", ", reads.Names.Order(StringComparer.Ordinal).Select(n => $"'{n}'"));
        context.Report(Descriptor, loop.Test, names, onlyAway ? "the loop only moves away from its exit" : "nothing in the loop changes");
    }

    /// <summary>
    /// Whether the loop's condition is one comparison of <paramref name="name"/> with a bound
    /// (<c>n &gt;= 0</c>, <c>n &lt; limit</c>, <c>0 &lt;= n</c>) and every change the loop makes to it is an
    /// augmented add or subtract of a constant that keeps the comparison true: counting up under a lower
    /// bound, or down under an upper one. Any other write (plain assignment, a loop or <c>with</c> target,
    /// <c>del</c>, a walrus) or a step of unknown size or sign gives the loop a way out.
    /// </summary>
    private static bool MovesOnlyAwayFromExit(SemanticModel model, StmtWhile loop, string name)
    {
        if (loop.Test is not ExprCompare { Ops: [var op], Comparators: [var right] } compare)
        {
            return false;
        }

        // Normalised to "name OP bound": +1 when the condition holds for large values, -1 for small ones.
        var counter = new NameReads(name);
        counter.Visit(compare);
        if (counter.Count != 1)
        {
            return false;
        }

        int direction;
        if (compare.Left is ExprName { Id: var left } && left == name)
        {
            direction = op switch { CompareOperator.Gt or CompareOperator.GtE => 1, CompareOperator.Lt or CompareOperator.LtE => -1, _ => 0 };
        }
        else if (right is ExprName { Id: var bound } && bound == name)
        {
            direction = op switch { CompareOperator.Lt or CompareOperator.LtE => 1, CompareOperator.Gt or CompareOperator.GtE => -1, _ => 0 };
        }
        else
        {
            return false;
        }

        if (direction == 0)
        {
            return false;
        }

        var steps = new StepsOf(model, name);
        foreach (var statement in loop.Body)
        {
            steps.Visit(statement);
        }

        return steps.Count > 0 && !steps.Other && steps.Signs.All(sign => sign == 0 || sign == direction);
    }

    /// <summary>How many times an expression reads one name.</summary>
    private sealed class NameReads(string name) : NodeWalker
    {
        public int Count { get; private set; }

        public override void VisitExprName(ExprName node) => Count += node.Id == name ? 1 : 0;
    }

    /// <summary>How a loop body changes one variable: the sign of each constant step, or that it changes it some other way.</summary>
    private sealed class StepsOf(SemanticModel model, string name) : NodeWalker
    {
        public List<int> Signs { get; } = [];

        public int Count => Signs.Count;

        /// <summary>Whether the body changes the variable other than by a constant step, or steps by an unknown amount.</summary>
        public bool Other { get; private set; }

        public override void VisitStmtAugAssign(StmtAugAssign node)
        {
            if (node.Target is not ExprName { Id: var target } || target != name)
            {
                base.VisitStmtAugAssign(node);
                return;
            }

            var sign = node.Op switch
            {
                Operator.Add => SignOf(model.ValueOf(node.Value).Constant),
                Operator.Sub => -SignOf(model.ValueOf(node.Value).Constant),
                _ => (int?)null,
            };
            if (sign is null or 2 or -2)
            {
                Other = true;
            }
            else
            {
                Signs.Add(sign.Value);
            }

            Visit(node.Value);
        }

        public override void VisitExprName(ExprName node) => Other |= node.Id == name && node.Ctx != ExprContext.Load;

        public override void VisitExprNamedExpr(ExprNamedExpr node)
        {
            Other |= node.Target is ExprName { Id: var target } && target == name;
            base.VisitExprNamedExpr(node);
        }

        public override void VisitStmtGlobal(StmtGlobal node) => Other |= node.Names.Contains(name);

        public override void VisitStmtNonlocal(StmtNonlocal node) => Other |= node.Names.Contains(name);

        public override void VisitStmtImport(StmtImport node) => Other = true;

        public override void VisitStmtImportFrom(StmtImportFrom node) => Other = true;

        /// <summary>The sign of a numeric constant; 2 (not a sign) for anything else, NaN included.</summary>
        private static int SignOf(PyValue? constant) => constant switch
        {
            PyInt i => i.Value.Sign,
            PyBool b => b.Value ? 1 : 0,
            PyFloat f when !double.IsNaN(f.Value) => Math.Sign(f.Value),
            _ => 2,
        };
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
