using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Resource;

/// <summary>PG401: a <c>while</c> loop whose condition is always true and from which nothing exits.</summary>
public sealed class InfiniteLoop : Analyzer
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG401", "Infinite loop", "{0}",
        RuleCategory.Resource, Severity.Error, Confidence.High, 7.5, [835],
        whatItDoes: "Reports `while` loops whose condition is always true (`True`, `1`, a non-empty literal, `not False`, a name folded to such a constant, unless a function the loop calls declares that name `global` or `nonlocal` and so may change it) and whose body has no reachable way out: no `break` of this loop, no `return`, no `raise`, no `sys.exit`, `os._exit`, `exit` or `quit`. Exits inside nested loops (a `break` ends only the inner loop) and nested functions do not count. A loop that `yield`s or `await`s is lazy — its consumer decides when it stops — and is a note.",
        why: "The code never finishes: it burns a CPU until something kills it, holds whatever it locked, and in an agent loop stalls the whole task. A gate that lets it through relies entirely on the executor's timeout.",
        example: "while True:\n    data = fetch()\n    process(data)",
        instead: "Give the loop an exit: a `break` when the work is done, a maximum number of iterations, or a deadline.",
        safeExample: "while True:\n    line = f.readline()\n    if not line:\n        break\n    handle(line)");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterNodeAction(Analyze, NodeKind.StmtWhile);

    private static void Analyze(NodeContext context)
    {
        var loop = (StmtWhile)context.Node;
        if (context.Model.ValueOf(loop.Test).Truthiness() != true)
        {
            return;
        }

        var exits = LoopExits.Analyze(context.Model, loop.Body);
        if (exits.CanExit)
        {
            return;
        }

        // The interpreter folds a condition over variables from the values it saw assigned; a helper the loop
        // calls (global i; i += 1) or a nested function (nonlocal) may rebind them on a later iteration.
        var (names, bodyCallsCode) = StaleLoopCondition.ConditionAndCalls(context.Model, loop);
        if (StaleLoopCondition.DeclaredRebindable(context.Model, loop, names, bodyCallsCode))
        {
            return;
        }

        if (exits.Yields)
        {
            context.Report(Descriptor, loop.Span, Severity.Note, Confidence.High, "loop never ends by itself, but it yields or awaits: its consumer decides when it stops");
            return;
        }

        context.Report(Descriptor, loop.Test, "the condition is always true and nothing in the loop leaves it");
    }
}
