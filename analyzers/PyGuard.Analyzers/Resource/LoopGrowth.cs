using PyGuard.Analyzers.Common;
using PyGuard.Semantics;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Resource;

/// <summary>
/// A sequence that a loop of known length multiplies on every pass: <c>s = 'x'</c> then
/// <c>for _ in range(64): s += s</c> ends with 2^64 characters, though no single expression is large.
/// Only unconditional statements of the loop's own body count, and only when nothing else in the loop
/// writes the variable and the loop has no way out before its last pass.
/// </summary>
internal static class LoopGrowth
{
    /// <summary>One variable a loop multiplies: the statement that does it first, the factor per pass and the bytes of one item, the least it starts from.</summary>
    public readonly record struct Growth(string Name, Stmt Site, double FactorPerPass, double ItemBytes);

    public static IEnumerable<Growth> Find(SemanticModel model, StmtFor loop)
    {
        var factors = new Dictionary<string, (Stmt Site, double Factor, double Item, int Statements)>(StringComparer.Ordinal);
        foreach (var statement in loop.Body)
        {
            if (Multiplication(model, statement) is not var (name, factor, read) || ItemBytes(model, read) is not { } item)
            {
                continue;
            }

            factors[name] = factors.TryGetValue(name, out var known)
                ? (known.Site, known.Factor * factor, Math.Min(known.Item, item), known.Statements + 1)
                : (statement, factor, item, 1);
        }

        if (factors.Count == 0 || LoopExits.Analyze(model, loop.Body).CanExit)
        {
            yield break;
        }

        foreach (var (name, (site, factor, item, statements)) in factors)
        {
            if (WritesOf(loop, name) == statements)
            {
                yield return new Growth(name, site, factor, item);
            }
        }
    }

    /// <summary>
    /// <c>v += v</c>, <c>v = v + v (+ v ...)</c>, <c>v *= k</c>, <c>v = v * k</c> or <c>k * v</c> with a
    /// constant whole k of at least 2: the variable, the factor and the read of it whose value is the size.
    /// </summary>
    private static (string Name, double Factor, ExprName Read)? Multiplication(SemanticModel model, Stmt statement)
    {
        switch (statement)
        {
            case StmtAugAssign { Target: ExprName target, Op: Operator.Add, Value: ExprName read } when read.Id == target.Id:
                return (target.Id, 2, read);
            case StmtAugAssign { Target: ExprName target, Op: Operator.Mult } augmented when Factor(model, augmented.Value) is { } k:
                return (target.Id, k, target);
            case StmtAssign { Targets: [ExprName target], Value: ExprBinOp value }:
                if (value.Op == Operator.Add && SumOfSelf(value, target.Id) is { } copies and >= 2 && FirstRead(value, target.Id) is { } first)
                {
                    return (target.Id, copies, first);
                }

                if (value.Op == Operator.Mult)
                {
                    if (value.Left is ExprName left && left.Id == target.Id && Factor(model, value.Right) is { } right)
                    {
                        return (target.Id, right, left);
                    }

                    if (value.Right is ExprName other && other.Id == target.Id && Factor(model, value.Left) is { } leftFactor)
                    {
                        return (target.Id, leftFactor, other);
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>How many copies of <paramref name="name"/> a sum of nothing but that name adds up; null if anything else is in it.</summary>
    private static int? SumOfSelf(Expr expr, string name) => expr switch
    {
        ExprName n when n.Id == name => 1,
        ExprBinOp { Op: Operator.Add } sum => SumOfSelf(sum.Left, name) is { } left && SumOfSelf(sum.Right, name) is { } right ? left + right : null,
        _ => null,
    };

    private static ExprName? FirstRead(Expr expr, string name) => expr switch
    {
        ExprName n when n.Id == name => n,
        ExprBinOp sum => FirstRead(sum.Left, name),
        _ => null,
    };

    private static double? Factor(SemanticModel model, Expr expr) =>
        model.ValueOf(expr).Constant is PyInt { Value: var k } && k >= 2 ? (double)k : null;

    /// <summary>
    /// The bytes of one item of the sequence the read may hold (1 for a string or bytes, 8 for a list or
    /// tuple): the size it starts from at least, since the read's own values may already be of later
    /// passes. Null when it holds no sequence (numbers grow harmlessly here).
    /// </summary>
    private static double? ItemBytes(SemanticModel model, ExprName read)
    {
        double? smallest = null;
        foreach (var item in model.ValueOf(read).Items)
        {
            double? itemBytes = item switch
            {
                ConstValue { Constant: PyStr { Value.Length: > 0 } or PyBytes { Value.Length: > 0 } } => 1,
                ConstValue { Constant: PyHugeSequence { Type: "str" or "bytes" or "bytearray", Length: > 0 } } => 1,
                ConstValue { Constant: PySequence { Items.Length: > 0 } or PyHugeSequence { Length: > 0 } } => 8,
                ContainerValue { Type: "list" or "tuple", Items.Length: > 0 } => 8,
                _ => null,
            };
            if (itemBytes is { } bytes)
            {
                smallest = smallest is { } known ? Math.Min(known, bytes) : bytes;
            }
        }

        return smallest;
    }

    /// <summary>
    /// How many times the loop writes the variable: its target, assignments, augmented assignments, walrus,
    /// global and nonlocal declarations. Each multiplication is one; any write beyond them changes it otherwise.
    /// </summary>
    private static int WritesOf(StmtFor loop, string name)
    {
        var writes = new Writes(name);
        writes.Visit(loop.Target);
        foreach (var statement in loop.Body)
        {
            writes.Visit(statement);
        }

        return writes.Count;
    }

    private sealed class Writes(string name) : NodeWalker
    {
        public int Count { get; private set; }

        public override void VisitExprName(ExprName node) => Count += node.Id == name && node.Ctx != ExprContext.Load ? 1 : 0;

        public override void VisitExprNamedExpr(ExprNamedExpr node)
        {
            Count += node.Target is ExprName { Id: var target } && target == name ? 1 : 0;
            Visit(node.Value);
        }

        public override void VisitStmtGlobal(StmtGlobal node) => Count += node.Names.Contains(name) ? 1 : 0;

        public override void VisitStmtNonlocal(StmtNonlocal node) => Count += node.Names.Contains(name) ? 1 : 0;
    }
}
