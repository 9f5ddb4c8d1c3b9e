using PyGuard.Semantics;
using PyGuard.Semantics.Evaluation;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Resource;

/// <summary>
/// How many items itertools' combinatoric iterators yield over inputs of known length:
/// <c>product(range(100), repeat=20)</c> yields 10^40 tuples, <c>permutations(range(20))</c> 2.4 x 10^18.
/// Counted in doubles (infinity once past their range), by formula, never by enumerating.
/// </summary>
internal static class Combinatorics
{
    /// <summary>Past this many factors a count is beyond any budget whatever the factors are (each is at least 2).</summary>
    private const int MaxFactors = 2_000;

    /// <summary>
    /// The number of items <paramref name="call"/> yields when it is <c>itertools.product</c>,
    /// <c>permutations</c>, <c>combinations</c> or <c>combinations_with_replacement</c> over inputs whose
    /// lengths <paramref name="lengthOf"/> knows; null otherwise.
    /// </summary>
    public static double? Count(SemanticModel model, ExprCall call, Func<SemanticModel, Expr, double?> lengthOf)
    {
        // Every for loop over a call asks: a look at the callee's values first, without building its names.
        if (!model.ValueOf(call.Func).Any(v => v is RefValue { QualifiedName: var name } && name.StartsWith("itertools.", StringComparison.Ordinal)))
        {
            return null;
        }

        var names = model.CalleeNames(call);
        if (names.Contains("itertools.product"))
        {
            return Product(model, call, lengthOf);
        }

        var kind = names.FirstOrDefault(n => n is "itertools.permutations" or "itertools.combinations" or "itertools.combinations_with_replacement");
        if (kind is null || call.Argument(0, "iterable") is not { } iterable || lengthOf(model, iterable) is not { } n)
        {
            return null;
        }

        double? r = call.Argument(1, "r") is { } size ? Magnitudes.Number(model.ConstantOf(size) ?? PyNone.Instance) : kind == "itertools.permutations" ? n : null;
        if (r is not { } k || k < 0)
        {
            return null;
        }

        return kind switch
        {
            "itertools.permutations" => k > n ? 0 : FallingFactorial(n, k),
            "itertools.combinations" => k > n ? 0 : Binomial(n, k),
            _ => n == 0 ? (k == 0 ? 1 : 0) : Binomial(n + k - 1, k),
        };
    }

    private static double? Product(SemanticModel model, ExprCall call, Func<SemanticModel, Expr, double?> lengthOf)
    {
        var count = 1.0;
        foreach (var argument in call.Args)
        {
            if (argument is ExprStarred || lengthOf(model, argument) is not { } length)
            {
                return null;
            }

            count *= length;
        }

        var repeat = call.Keyword("repeat") is { } r ? Magnitudes.Number(model.ConstantOf(r) ?? PyNone.Instance) : 1;
        return repeat is { } times && times >= 0 ? Math.Pow(count, times) : null;
    }

    /// <summary>n (n-1) ... (n-k+1).</summary>
    private static double FallingFactorial(double n, double k)
    {
        var result = 1.0;
        for (var i = 0; i < k; i++)
        {
            if (i >= MaxFactors || double.IsInfinity(result))
            {
                return double.PositiveInfinity;
            }

            result *= n - i;
        }

        return result;
    }

    /// <summary>n choose k, as a product of k ratios with the smaller of k and n-k.</summary>
    private static double Binomial(double n, double k)
    {
        k = Math.Min(k, n - k);
        var result = 1.0;
        for (var i = 1; i <= k; i++)
        {
            if (i > MaxFactors || double.IsInfinity(result))
            {
                return double.PositiveInfinity;
            }

            result = result * (n - k + i) / i;
        }

        return result;
    }
}
