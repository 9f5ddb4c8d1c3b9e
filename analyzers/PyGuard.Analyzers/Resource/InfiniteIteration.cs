using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Resource;

/// <summary>
/// PG403: iterating an iterator that never ends — a <c>for</c> loop with no way out, a list/set/dict
/// comprehension, or a consumer such as <c>list()</c>, <c>sum()</c> or <c>sorted()</c> that reads it all.
/// </summary>
public sealed class InfiniteIteration : Analyzer
{
    /// <summary>Consumers that read an iterable to its end (any, all and next stop early and are not here).</summary>
    private static readonly FrozenSet<string> Exhausting = FrozenSet.ToFrozenSet(
    [
        "builtins.list", "builtins.tuple", "builtins.set", "builtins.frozenset", "builtins.dict", "builtins.sorted",
        "builtins.sum", "builtins.max", "builtins.min", "builtins.len", "collections.deque", "collections.Counter",
        "numpy.array", "numpy.fromiter",
    ], StringComparer.Ordinal);

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG403", "Iteration over an infinite iterator", "{0}",
        RuleCategory.Resource, Severity.Error, Confidence.High, 7.5, [835, 400],
        whatItDoes: "Reports `for` loops over iterators that never end — `itertools.count()`, `itertools.cycle(...)`, `itertools.repeat(x)` without a count, `iter(callable, sentinel)`, generators whose loop never ends, and `enumerate`/`map`/`filter`/`chain` of those — when the loop body has no `break`, `return`, `raise` or exit; list, set and dict comprehensions over them; and `list()`, `tuple()`, `sum()`, `sorted()`, `max()`, `''.join()` and similar calls that read them to the end. `zip(itertools.count(), items)` and `itertools.islice(...)` are finite and not reported.",
        why: "The loop runs forever, and a consumer such as `list(itertools.count())` also eats memory until the process dies.",
        example: "import itertools\nfor i in itertools.count():\n    print(i)",
        instead: "Bound the iteration: `itertools.islice(it, n)`, `zip(itertools.count(), items)`, or a `break` when done.",
        safeExample: "import itertools\nfor i, item in zip(itertools.count(1), items):\n    print(i, item)");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.RegisterNodeAction(AnalyzeFor, NodeKind.StmtFor, NodeKind.StmtAsyncFor);
        registration.RegisterNodeAction(AnalyzeComprehension, NodeKind.ExprListComp, NodeKind.ExprSetComp, NodeKind.ExprDictComp);
        registration.RegisterCallAction(AnalyzeConsumer, Exhausting);
        registration.RegisterAttributeAction(AnalyzeJoin, ["join"]);
    }

    private static void AnalyzeFor(NodeContext context)
    {
        var (iter, body) = context.Node switch
        {
            StmtFor f => (f.Iter, f.Body),
            StmtAsyncFor f => (f.Iter, f.Body),
            _ => throw new InvalidOperationException(),
        };
        if (InfiniteIterators.Describe(context.Model, iter) is not { } what)
        {
            return;
        }

        var exits = LoopExits.Analyze(context.Model, body);
        if (!exits.CanExit)
        {
            context.Report(Descriptor, iter.Span, exits.Yields ? Severity.Note : null, null, $"the loop over {what} never ends: nothing in it leaves the loop");
        }
    }

    private static void AnalyzeComprehension(NodeContext context)
    {
        var generators = context.Node switch
        {
            ExprListComp c => c.Generators,
            ExprSetComp c => c.Generators,
            ExprDictComp c => c.Generators,
            _ => [],
        };
        foreach (var generator in generators)
        {
            if (InfiniteIterators.Describe(context.Model, generator.Iter) is { } what)
            {
                context.Report(Descriptor, generator.Iter, $"the comprehension reads all of {what}, which never ends");
                return;
            }
        }
    }

    /// <summary>A call of a function that reads its first argument to the end (<c>list</c>, <c>sum</c>, <c>numpy.array</c>, ...).</summary>
    private static void AnalyzeConsumer(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        if (context.Model.CalleeIn(call, Exhausting) is { } consumer)
        {
            AnalyzeConsumed(context, call, consumer);
        }
    }

    /// <summary><c>sep.join(iterable)</c> on a string: unless the callee is one of the functions above, which report it.</summary>
    private static void AnalyzeJoin(NodeContext context)
    {
        if (context.MethodCall() is { } call && context.Model.CalleeIn(call, Exhausting) is null &&
            context.Model.ValueOf(((ExprAttribute)context.Node).Value).Constant is Semantics.Values.PyStr)
        {
            AnalyzeConsumed(context, call, "str.join");
        }
    }

    private static void AnalyzeConsumed(NodeContext context, ExprCall call, string consumer)
    {
        if (call.Args.Length == 0)
        {
            return;
        }

        var iterable = call.Args[0] is ExprGeneratorExp generator ? generator.Generators[0].Iter : call.Args[0];
        if (InfiniteIterators.Describe(context.Model, iterable) is { } what)
        {
            context.Report(Descriptor, call, $"{consumer.Replace("builtins.", string.Empty, StringComparison.Ordinal)}() reads all of {what}, which never ends");
        }
    }
}
