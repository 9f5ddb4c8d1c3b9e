using PyGuard.Syntax.Tree;

namespace PyGuard.Semantics;

/// <summary>Finds a call's argument by position or keyword, as Python binds them.</summary>
public static class CallArgumentsExtensions
{
    /// <summary>
    /// The expression passed for the parameter at <paramref name="position"/> (0-based) or named
    /// <paramref name="keyword"/>, or null when it is not passed (or hidden behind <c>*args</c>).
    /// </summary>
    public static Expr? Argument(this ExprCall call, int position, string? keyword = null)
    {
        for (var i = 0; i < call.Args.Length && i <= position; i++)
        {
            if (call.Args[i] is ExprStarred)
            {
                break;
            }

            if (i == position)
            {
                return call.Args[i];
            }
        }

        if (keyword is not null)
        {
            foreach (var k in call.Keywords)
            {
                if (k.Arg == keyword)
                {
                    return k.Value;
                }
            }
        }

        return null;
    }

    /// <summary>The value of keyword argument <paramref name="keyword"/>, or null.</summary>
    public static Expr? Keyword(this ExprCall call, string keyword)
    {
        foreach (var k in call.Keywords)
        {
            if (k.Arg == keyword)
            {
                return k.Value;
            }
        }

        return null;
    }

    /// <summary>Whether the call passes <c>*args</c> or <c>**kwargs</c>, which may hide any argument.</summary>
    public static bool HasUnpacking(this ExprCall call) =>
        call.Args.Any(a => a is ExprStarred) || call.Keywords.Any(k => k.Arg is null);
}
