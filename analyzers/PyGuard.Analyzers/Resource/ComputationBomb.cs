using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Resource;

/// <summary>
/// PG406: one expression or loop that does more work than the policy allows — power towers, factorials
/// of huge numbers, sums over astronomic ranges, loops of 10^12 iterations. Estimated from folded
/// constants; nothing is ever computed.
/// </summary>
public sealed class ComputationBomb : Analyzer
{
    private static readonly FrozenSet<string> RangeConsumers = FrozenSet.ToFrozenSet(
        ["builtins.sum", "builtins.sorted", "builtins.max", "builtins.min", "builtins.list", "builtins.tuple", "builtins.set", "builtins.any", "builtins.all", "builtins.len"],
        StringComparer.Ordinal);

    /// <summary>The other callees whose calls <see cref="AnalyzeCall"/> judges: powers, factorials and decimal precisions.</summary>
    private static readonly string[] CallBombs = ["builtins.pow", "math.factorial", "math.comb", "math.perm", "decimal.Context", "decimal.localcontext"];

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG406", "Computation bomb", "{0}",
        RuleCategory.Resource, Severity.Error, Confidence.High, 7.0, [400, 1333],
        whatItDoes: "Estimates, from folded constants and without computing anything, the work of: integer powers (`9**9**9`, `2**10**10`, `pow(a, b)`), whose results would be larger than the policy's `max-allocation-bytes`; `math.factorial`, `math.comb` and `math.perm` of huge arguments; `sum`, `sorted`, `max`, `list` and the like over ranges longer than the policy's `max-operations` (10^8 by default); and `for` loops over such ranges; the same for the tuples of `itertools.product`, `permutations`, `combinations` and `combinations_with_replacement` over inputs of known length (`product(range(100), repeat=20)` is 10^40 of them), and generator expressions over such inputs (except in `any` and `all`, which may stop early).",
        why: "`9**9**9` has 369 million digits; computing it pins a CPU for minutes and takes hundreds of megabytes. Expressions like these are the standard way to hang a Python evaluator from a single line.",
        example: "x = 9**9**9",
        instead: "Use the numbers the task needs; compute modular powers with `pow(a, b, m)`.",
        safeExample: "total = sum(range(10**6))");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.RegisterNodeAction(AnalyzePower, NodeKind.ExprBinOp);
        registration.RegisterCallAction(AnalyzeCall, [.. CallBombs, .. RangeConsumers]);
        registration.RegisterNodeAction(AnalyzeLoop, NodeKind.StmtFor, NodeKind.StmtAsyncFor);
        registration.RegisterNodeAction(AnalyzePrecision, NodeKind.StmtAssign);
    }

    /// <summary>
    /// Decimal arithmetic with a precision of N digits does work and allocates memory in proportion to N:
    /// <c>getcontext().prec = 10**9</c> turns the next division into a bomb.
    /// </summary>
    private static void AnalyzePrecision(NodeContext context)
    {
        var assign = (StmtAssign)context.Node;
        foreach (var target in assign.Targets)
        {
            if (target is ExprAttribute { Attr: "prec" } attribute &&
                context.Model.ValueOf(attribute.Value).Any(v => v is InstanceValue { TypeName: "decimal.Context" }) &&
                Magnitudes.Number(context.Model.ConstantOf(assign.Value) ?? PyNone.Instance) is { } digits &&
                digits > context.Policy.Resources.MaxOperations / 10)
            {
                context.ReportHere(Descriptor, $"decimal precision of {Magnitudes.DescribeCount(digits)} digits makes every operation that long");
            }
        }
    }

    private static void AnalyzePower(NodeContext context)
    {
        var power = (ExprBinOp)context.Node;
        if (power.Op != Operator.Pow || context.Parent is ExprBinOp { Op: Operator.Pow } parent && ReferenceEquals(parent.Right, power))
        {
            // In a tower a**b**c, judge the whole tower once, at its top.
            return;
        }

        ReportHugeInt(context, power, "the power");
    }

    private static void ReportHugeInt(NodeContext context, Expr expr, string what)
    {
        var limit = context.Policy.Resources.MaxAllocationBytes;
        foreach (var item in context.Model.ValueOf(expr).Items)
        {
            if (item is ConstValue { Constant: PyHugeInt huge } && huge.Log2 / 8 > limit)
            {
                context.Report(Descriptor, expr, $"{what} has about {Magnitudes.Scientific(huge.Log10)} digits; computing it takes {Magnitudes.DescribeBytes(huge.Log2 / 8)} and minutes of CPU or more");
                return;
            }
        }
    }

    private static void AnalyzeCall(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        var model = context.Model;
        var limits = context.Policy.Resources;
        var names = model.CalleeNames(call);
        if (names.Length == 0)
        {
            return;
        }

        if (names.Contains("builtins.pow") && call.Args.Length == 2)
        {
            ReportHugeInt(context, call, "pow()");
            return;
        }

        if (names.FirstOrDefault(n => n is "math.factorial" or "math.comb" or "math.perm") is { } function && call.Args.Length >= 1 &&
            Magnitudes.Number(model.ValueOf(call.Args[0]).Constant ?? PyNone.Instance) is { } n)
        {
            // log2(n!) ~ n log2 n: the size of the result, and so the work of the multiplications.
            var bits = n * Math.Log2(Math.Max(n, 2));
            if (bits / 8 > limits.MaxAllocationBytes || n > limits.MaxOperations)
            {
                context.ReportHere(Descriptor, $"{function}({Magnitudes.DescribeCount(n)}) has a result of {Magnitudes.DescribeBytes(bits / 8)}");
            }

            return;
        }

        if (names.FirstOrDefault(n => n is "decimal.Context" or "decimal.localcontext") is { } decimalContext &&
            call.Keyword("prec") is { } prec && Magnitudes.Number(model.ConstantOf(prec) ?? PyNone.Instance) is { } precision &&
            precision > limits.MaxOperations / 10)
        {
            context.ReportHere(Descriptor, $"{decimalContext}(prec={Magnitudes.DescribeCount(precision)}) makes every operation that long");
            return;
        }

        // any() and all() may stop at the first item that decides them; over a generator they run only that far.
        if (model.CalleeIn(call, RangeConsumers) is { } consumer && call.Args.Length >= 1 &&
            !(call.Args[0] is ExprGeneratorExp && consumer is "builtins.any" or "builtins.all") &&
            IterationCounts.Of(model, call.Args[0]) is { } length && length > limits.MaxOperations)
        {
            context.ReportHere(Descriptor, $"{consumer.Replace("builtins.", string.Empty, StringComparison.Ordinal)}() over {Magnitudes.DescribeCount(length)} items");
        }
    }

    private static void AnalyzeLoop(NodeContext context)
    {
        var iter = context.Node switch
        {
            StmtFor f => f.Iter,
            StmtAsyncFor f => f.Iter,
            _ => null,
        };
        if (iter is not null && IterationCounts.Of(context.Model, iter) is { } length && length > context.Policy.Resources.MaxOperations)
        {
            context.Report(Descriptor, iter, $"the loop runs {Magnitudes.DescribeCount(length)} times");
        }
    }
}
