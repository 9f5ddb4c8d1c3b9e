using System.Collections.Frozen;
using PyGuard.Semantics;
using PyGuard.Semantics.Knowledge;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Resource;

/// <summary>
/// Decides whether an expression is an iterator that never ends: <c>itertools.count()</c>,
/// <c>cycle</c> of something non-empty, <c>repeat(x)</c> without a count, <c>iter(f, sentinel)</c>, a
/// generator function whose loop never ends, and wrappers that preserve infinity (<c>enumerate</c>,
/// <c>map</c>/<c>zip</c> over only infinite inputs, <c>filter</c>, <c>chain</c> with one infinite part,
/// <c>accumulate</c>). <c>islice</c>, <c>takewhile</c> and <c>zip</c> with a finite input are bounded.
/// </summary>
internal static class InfiniteIterators
{
    private static readonly FrozenSet<string> Preserving = FrozenSet.ToFrozenSet(
    [
        "builtins.enumerate", "builtins.filter", "itertools.accumulate", "itertools.starmap", "itertools.filterfalse",
        "itertools.pairwise", "itertools.dropwhile", "itertools.batched", "itertools.groupby", "builtins.iter",
    ], StringComparer.Ordinal);

    /// <summary>What calling a builtin type with no argument returns.</summary>
    private static readonly FrozenDictionary<string, PyValue> ConstructorDefaults = new Dictionary<string, PyValue>(StringComparer.Ordinal)
    {
        ["builtins.int"] = new PyInt(0),
        ["builtins.float"] = new PyFloat(0),
        ["builtins.str"] = PyStr.Empty,
        ["builtins.bool"] = PyBool.False,
        ["builtins.bytes"] = new PyBytes([]),
        ["builtins.tuple"] = new PySequence("tuple", []),
        ["builtins.list"] = new PySequence("list", []),
        ["builtins.object"] = PyNone.Instance,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>A short description of why the expression is infinite, or null when it is (or may be) finite.</summary>
    public static string? Describe(SemanticModel model, Expr expr, int depth = 0)
    {
        if (depth > 4)
        {
            return null;
        }

        if (expr is ExprName name && depth < 3)
        {
            // Looking up the assignment walks the scope, so only do it for values that can be infinite.
            return model.ValueOf(name).Any(v => v is InstanceValue { TypeName: var type } && MayBeInfinite(type) || v is FunctionValue)
                ? DescribeAssigned(model, name, depth)
                : null;
        }

        if (expr is not ExprCall call)
        {
            return null;
        }

        var names = model.CalleeNames(call);
        if (names.Contains("itertools.count"))
        {
            return "itertools.count()";
        }

        if (names.Contains("itertools.repeat") && call.Args.Length == 1 && call.Keyword("times") is null)
        {
            return "itertools.repeat() without a count";
        }

        if (names.Contains("itertools.cycle") && call.Args.Length == 1 && model.ValueOf(call.Args[0]).Truthiness() != false)
        {
            return "itertools.cycle()";
        }

        if (names.Contains("builtins.iter") && call.Args.Length == 2)
        {
            // iter(f.read, b'') ends at end of file; iter(int, 1) never ends, since int() is always 0.
            var constructor = model.QualifiedNamesOf(call.Args[0]).FirstOrDefault(n => ConstructorDefaults.ContainsKey(n));
            var sentinel = model.ConstantOf(call.Args[1]);
            return constructor is not null && sentinel is not null && !Equals(ConstructorDefaults[constructor], sentinel)
                ? $"iter({constructor["builtins.".Length..]}, ...), whose callable never returns the sentinel"
                : null;
        }

        if (names.AnyIn(Preserving) && call.Args.Length >= 1)
        {
            var inner = names.Contains("builtins.filter") || names.Contains("itertools.starmap") || names.Contains("itertools.filterfalse") || names.Contains("itertools.dropwhile")
                ? call.Args.ElementAtOrDefault(1) : call.Args[0];
            return inner is null || names.Contains("builtins.iter") && call.Args.Length == 2 ? null : Describe(model, inner, depth + 1);
        }

        if (names.Contains("builtins.map") && call.Args.Length >= 2 || names.Contains("builtins.zip") && call.Args.Length >= 1)
        {
            return DescribeAll(model, call.Args.AsSpan()[(names.Contains("builtins.map") ? 1 : 0)..], depth + 1);
        }

        if (names.Contains("itertools.chain"))
        {
            return DescribeAny(model, call.Args.AsSpan(), depth + 1);
        }

        foreach (var function in model.ValueOf(call.Func).Items.OfType<FunctionValue>())
        {
            if (function.Definition is StmtFunctionDef def && HasEndlessYieldLoop(model, def))
            {
                return $"the generator {def.Name}(), whose loop never ends";
            }
        }

        return null;
    }

    // Loops rather than lambdas: a lambda capturing Describe's parameters made the compiler allocate its
    // closure on every call of Describe, which runs for every loop and comprehension of a file.

    /// <summary>The first iterable's description when every one of them is infinite (map, zip), else null.</summary>
    private static string? DescribeAll(SemanticModel model, ReadOnlySpan<Expr> iterables, int depth)
    {
        string? first = null;
        foreach (var iterable in iterables)
        {
            if (Describe(model, iterable, depth) is not { } description)
            {
                return null;
            }

            first ??= description;
        }

        return first;
    }

    /// <summary>The description of the first infinite iterable (chain), or null.</summary>
    private static string? DescribeAny(SemanticModel model, ReadOnlySpan<Expr> iterables, int depth)
    {
        foreach (var iterable in iterables)
        {
            if (Describe(model, iterable, depth) is { } description)
            {
                return description;
            }
        }

        return null;
    }

    private static string? DescribeAssigned(SemanticModel model, ExprName name, int depth)
    {
        var scope = model.ScopeContaining(name).Node;
        var finder = new AssignmentFinder(name.Id);
        foreach (var statement in BodyOf(scope))
        {
            finder.Visit(statement);
        }

        // Only a name with a single assignment is certainly what that assignment made.
        return finder.Values.Count == 1 ? Describe(model, finder.Values[0], depth + 1) : null;
    }

    private static bool MayBeInfinite(string type) =>
        type.StartsWith("itertools.", StringComparison.Ordinal) || type is "builtins.iter" or "builtins.map" or "builtins.zip" or
            "builtins.filter" or "builtins.enumerate" or "types.GeneratorType";

    private static IEnumerable<Node> BodyOf(Node scope) => scope switch
    {
        ModModule m => m.Body,
        StmtFunctionDef f => f.Body,
        StmtAsyncFunctionDef f => f.Body,
        StmtClassDef c => c.Body,
        _ => [scope],
    };

    private static bool HasEndlessYieldLoop(SemanticModel model, StmtFunctionDef def)
    {
        foreach (var statement in def.Body)
        {
            if (statement is StmtWhile loop && model.ValueOf(loop.Test).Truthiness() == true)
            {
                var exits = LoopExits.Analyze(model, loop.Body);
                if (!exits.CanExit && exits.Yields)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private sealed class AssignmentFinder(string name) : NodeWalker
    {
        public List<Expr> Values { get; } = [];

        public override void VisitStmtAssign(StmtAssign node)
        {
            foreach (var target in node.Targets)
            {
                if (target is ExprName n && n.Id == name)
                {
                    Values.Add(node.Value);
                }
                else if (target is ExprTuple or ExprList)
                {
                    // Unpacking: the name gets one part of the value; nothing certain about it.
                    var walker = new NameIn(name);
                    walker.Visit(target);
                    if (walker.Found)
                    {
                        Values.Add(target);
                        Values.Add(target);
                    }
                }
            }
        }

        public override void VisitStmtAugAssign(StmtAugAssign node)
        {
            if (node.Target is ExprName n && n.Id == name)
            {
                Values.Add(node.Value);
                Values.Add(node.Value);
            }
        }

        public override void VisitStmtFor(StmtFor node)
        {
            var walker = new NameIn(name);
            walker.Visit(node.Target);
            if (walker.Found)
            {
                Values.Add(node.Target);
                Values.Add(node.Target);
            }

            base.VisitStmtFor(node);
        }

        public override void VisitStmtFunctionDef(StmtFunctionDef node)
        {
        }

        public override void VisitStmtAsyncFunctionDef(StmtAsyncFunctionDef node)
        {
        }

        public override void VisitStmtClassDef(StmtClassDef node)
        {
        }
    }

    private sealed class NameIn(string name) : NodeWalker
    {
        public bool Found { get; private set; }

        public override void VisitExprName(ExprName node) => Found |= node.Id == name;
    }
}
