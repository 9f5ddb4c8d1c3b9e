using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics.Evaluation;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Resource;

/// <summary>
/// PG405: one expression that allocates more memory than the policy allows — sequence repetition,
/// <c>bytes(N)</c>, a materialised range, padding to a huge width, huge random buffers, numpy arrays, or
/// a sequence a loop keeps multiplying.
/// Sizes come from folded constants; nothing is ever built.
/// </summary>
public sealed class AllocationBomb : Analyzer
{
    private static readonly FrozenSet<string> ArrayFactories = FrozenSet.ToFrozenSet(
        ["numpy.zeros", "numpy.ones", "numpy.empty", "numpy.full", "numpy.random.rand", "numpy.random.randn", "numpy.random.random", "numpy.eye", "numpy.identity", "numpy.arange"],
        StringComparer.Ordinal);

    private static readonly FrozenSet<string> ByteSources = FrozenSet.ToFrozenSet(
        ["os.urandom", "random.randbytes", "secrets.token_bytes", "secrets.token_hex", "secrets.token_urlsafe"], StringComparer.Ordinal);

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG405", "Allocation bomb", "{0}",
        RuleCategory.Resource, Severity.Error, Confidence.High, 7.5, [400, 789],
        whatItDoes: "Folds the sizes of allocations from constants — without ever computing them — and reports those above the policy's `max-allocation-bytes` (100 MB by default): sequence repetition (`'A' * 10**11`, `[0] * 10**9`), `bytes(N)`/`bytearray(N)`, ranges materialised with `list`/`tuple`/`set`/`sorted`, `str.ljust`/`rjust`/`center`/`zfill` and format specs with huge widths, `os.urandom`/`randbytes`/`token_bytes` of huge sizes, numpy arrays whose shape multiplies out beyond the limit, and sequences that a `for` loop of known length multiplies on every pass (`for _ in range(64): s += s`).",
        why: "One such line takes the machine's memory: the process is killed, or worse, everything else on the host starts swapping. It is the simplest denial-of-service an agent can be talked into.",
        example: "payload = 'A' * 10**11",
        instead: "Stream the data, or allocate what the task needs.",
        safeExample: "buffer = bytearray(64 * 1024)");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.RegisterNodeAction(AnalyzeValue, NodeKind.ExprBinOp, NodeKind.ExprCall);
        registration.RegisterNodeAction(AnalyzeFormat, NodeKind.ExprFormattedValue);
        registration.RegisterNodeAction(AnalyzeComprehension, NodeKind.ExprListComp, NodeKind.ExprSetComp, NodeKind.ExprDictComp);
        registration.RegisterNodeAction(AnalyzeLoop, NodeKind.StmtFor);
    }

    /// <summary>A loop of known length that multiplies a sequence on every pass: its size grows as the factor to the power of the passes.</summary>
    private static void AnalyzeLoop(NodeContext context)
    {
        var loop = (StmtFor)context.Node;
        if (IterationCounts.Of(context.Model, loop.Iter) is not { } passes || passes < 1)
        {
            return;
        }

        var limit = context.Policy.Resources.MaxAllocationBytes;
        foreach (var growth in LoopGrowth.Find(context.Model, loop))
        {
            // In logarithms: 2^64 passes of doubling overflow a double long before they are compared.
            var log2Bytes = Math.Log2(growth.ItemBytes) + passes * Math.Log2(growth.FactorPerPass);
            if (log2Bytes > Math.Log2(limit))
            {
                var bytes = Math.Pow(2, Math.Min(log2Bytes, 1023));
                context.Report(Descriptor, growth.Site,
                    $"the loop multiplies '{growth.Name}' by {Magnitudes.DescribeCount(growth.FactorPerPass)} on each of its {Magnitudes.DescribeCount(passes)} passes: at least {Magnitudes.DescribeBytes(bytes)} (limit {Magnitudes.DescribeBytes(limit)})");
            }
        }
    }

    /// <summary>A comprehension over known ranges builds (product of their lengths) items of at least a pointer each.</summary>
    private static void AnalyzeComprehension(NodeContext context)
    {
        var (generators, element) = context.Node switch
        {
            ExprListComp c => (c.Generators, (Expr)c.Elt),
            ExprSetComp c => (c.Generators, c.Elt),
            ExprDictComp c => (c.Generators, c.Value),
            _ => throw new InvalidOperationException(),
        };
        var count = 1.0;
        foreach (var generator in generators)
        {
            if (generator.Ifs.Length > 0 || context.Model.ValueOf(generator.Iter).Constant is not PyRange range)
            {
                return;
            }

            count *= (double)range.Length;
        }

        var itemBytes = Math.Max(8, context.Model.ValueOf(element).Items.OfType<ConstValue>().Select(c => Magnitudes.Bytes(c.Constant) ?? 0).DefaultIfEmpty(0).Max());
        var total = count * itemBytes;
        if (total > context.Policy.Resources.MaxAllocationBytes)
        {
            context.ReportHere(Descriptor, $"the comprehension builds {Magnitudes.DescribeCount(count)} items ({Magnitudes.DescribeBytes(total)})");
        }
    }

    private static void AnalyzeValue(NodeContext context)
    {
        var expr = (Expr)context.Node;
        var limit = context.Policy.Resources.MaxAllocationBytes;
        var model = context.Model;
        if (expr is ExprCall call)
        {
            if (AnalyzeCall(context, call, limit))
            {
                return;
            }
        }
        else if (expr is not ExprBinOp { Op: Operator.Mult or Operator.Add })
        {
            return;
        }

        // Report the outermost expression that crosses the limit, not every sub-expression of it.
        if (context.Parent is ExprBinOp { Op: Operator.Mult or Operator.Add } parent && Exceeds(model.ValueOf(parent), limit) is not null)
        {
            return;
        }

        foreach (var item in model.ValueOf(expr).Items)
        {
            if (item is ConstValue { Constant: PyHugeSequence sequence } && Magnitudes.Bytes(sequence) is { } bytes && bytes > limit)
            {
                var what = expr is ExprCall ? CalleeText(context, (ExprCall)expr) : $"repeating {Describe(sequence)}";
                context.ReportHere(Descriptor, $"{what} allocates {Magnitudes.DescribeBytes(bytes)} (limit {Magnitudes.DescribeBytes(limit)})");
                return;
            }
        }
    }

    private static bool AnalyzeCall(NodeContext context, ExprCall call, double limit)
    {
        var model = context.Model;
        if (model.CalleeIn(call, ArrayFactories) is { } factory && call.Args.Length > 0)
        {
            var elements = ShapeSize(model.ValueOf(call.Args[0]).Constant, factory == "numpy.arange" ? 1 : (int?)null);
            if (factory == "numpy.full" || factory == "numpy.eye" || factory == "numpy.identity")
            {
                elements = factory == "numpy.full" ? elements : elements * elements;
            }

            if (elements is { } count && count * 8 > limit)
            {
                context.ReportHere(Descriptor, $"{factory} allocates an array of {Magnitudes.DescribeCount(count)} elements ({Magnitudes.DescribeBytes(count * 8)})");
                return true;
            }

            return false;
        }

        if (model.CalleeIn(call, ByteSources) is { } source && call.Args.Length > 0 &&
            model.ValueOf(call.Args[0]).Constant is { } size && Magnitudes.Number(size) is { } n && n > limit)
        {
            context.ReportHere(Descriptor, $"{source} of {Magnitudes.DescribeBytes(n)}");
            return true;
        }

        return false;
    }

    private static double? ShapeSize(PyValue? shape, int? _) => shape switch
    {
        PyInt or PyHugeInt => Magnitudes.Number(shape),
        PySequence seq when seq.Items.All(i => Magnitudes.Number(i) is not null) => seq.Items.Aggregate(1.0, (acc, i) => acc * Magnitudes.Number(i)!.Value),
        _ => null,
    };

    private static void AnalyzeFormat(NodeContext context)
    {
        var formatted = (ExprFormattedValue)context.Node;
        if (formatted.FormatSpec is null || context.Model.StringOf(formatted.FormatSpec) is not { } spec)
        {
            return;
        }

        if (FormatSpec.RequestedWidth(spec) is { } width && width > context.Policy.Resources.MaxAllocationBytes)
        {
            context.Report(Descriptor, formatted, $"the format spec pads to a width of {Magnitudes.DescribeCount(width)} characters");
        }
    }

    private static string? Exceeds(ValueSet value, double limit) =>
        value.Items.OfType<ConstValue>().Select(c => Magnitudes.Bytes(c.Constant)).FirstOrDefault(b => b > limit)?.ToString();

    private static string Describe(PyHugeSequence sequence) => sequence.Type switch
    {
        "str" or "bytes" when sequence.Sample.Length > 0 => $"{sequence.Type} '{CallSites.Describe(sequence.Sample, 16)}'",
        _ => $"a {sequence.Type}",
    };

    private static string CalleeText(NodeContext context, ExprCall call) =>
        context.Model.CalleeNames(call).FirstOrDefault()?.Replace("builtins.", string.Empty, StringComparison.Ordinal) is { } name ? $"{name}(...)" : "the call";
}
