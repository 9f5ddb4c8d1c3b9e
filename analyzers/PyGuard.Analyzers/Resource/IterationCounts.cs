using PyGuard.Semantics;
using PyGuard.Semantics.Evaluation;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Resource;

/// <summary>
/// How many times a loop over an expression runs, from folded constants: ranges, itertools' combinatoric
/// iterators over inputs of known length, and generator expressions over those. Null when unknown.
/// </summary>
internal static class IterationCounts
{
    /// <summary>How many items iterating <paramref name="expr"/> yields, when it is a range, a combinatoric iterator or a generator over them.</summary>
    public static double? Of(SemanticModel model, Expr expr)
    {
        var value = model.ValueOf(expr);
        if (value.Constant is PyRange range)
        {
            return (double)range.Length;
        }

        if (value.Constant is PyHugeSequence { Type: "range" } huge)
        {
            return huge.Length;
        }

        if (expr is ExprCall combinatoric && Combinatorics.Count(model, combinatoric, LengthOf) is { } count)
        {
            return count;
        }

        if (expr is ExprGeneratorExp generator)
        {
            // A generator runs its loops to the end whatever its conditions keep: the work is their product.
            var steps = 1.0;
            foreach (var loop in generator.Generators)
            {
                if (Of(model, loop.Iter) is not { } loopLength)
                {
                    return null;
                }

                steps *= loopLength;
            }

            return steps;
        }

        if (expr is ExprCall call && model.MayBe(call.Func, "builtins.range") && call.Args.Length >= 1)
        {
            var bounds = call.Args.Select(a => Magnitudes.Number(model.ValueOf(a).Constant ?? PyNone.Instance)).ToList();
            if (bounds.All(b => b is not null))
            {
                return bounds.Count == 1 ? bounds[0] : Math.Abs(bounds[1]!.Value - bounds[0]!.Value) / (bounds.Count == 3 ? Math.Abs(bounds[2]!.Value) : 1);
            }
        }

        return null;
    }

    /// <summary>How many items <paramref name="expr"/> holds: a range's length, or a string's, bytes' or sequence constant's.</summary>
    public static double? LengthOf(SemanticModel model, Expr expr) => model.ValueOf(expr).Constant switch
    {
        PyStr text => CodePoints.Count(text.Value),
        PyBytes bytes => bytes.Value.Length,
        PySequence sequence => sequence.Items.Length,
        PyHugeSequence { Type: not "range" } huge => huge.Length,
        _ => Of(model, expr),
    };
}
