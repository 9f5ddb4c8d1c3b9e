using System.Collections.Immutable;
using System.Runtime.InteropServices;

using PyGuard.Syntax.Lexing;
using PyGuard.Syntax.Tree;

namespace PyGuard.Syntax.Parsing;

internal sealed partial class Parser
{
    /// <summary>
    /// Re-creates an expression parsed in Load context as an assignment or deletion target. Only names,
    /// attributes, subscripts, and tuples, lists and (except for del) starred expressions of them are
    /// targets; anything else is CPython's "cannot assign to …" / "cannot delete …".
    /// </summary>
    private Expr ToTarget(Expr expression, ExprContext context)
    {
        Enter();
        Expr target = expression switch
        {
            ExprName name => new ExprName(name.Id, context, name.Span),
            ExprAttribute attribute => new ExprAttribute(attribute.Value, attribute.Attr, context, attribute.Span),
            ExprSubscript subscript => new ExprSubscript(subscript.Value, subscript.Slice, context, subscript.Span),
            ExprStarred starred when context != ExprContext.Del => new ExprStarred(ToTarget(starred.Value, context), context, starred.Span),
            ExprTuple tuple => new ExprTuple(ToTargets(tuple.Elts, context), context, tuple.Span),
            ExprList list => new ExprList(ToTargets(list.Elts, context), context, list.Span),
            _ => throw InvalidTarget(expression, context),
        };
        Exit();
        return target;
    }

    private ImmutableArray<Expr> ToTargets(ImmutableArray<Expr> elements, ExprContext context)
    {
        var converted = new Expr[elements.Length];
        for (var i = 0; i < converted.Length; i++)
        {
            converted[i] = ToTarget(elements[i], context);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(converted);
    }

    /// <summary>The first part of an expression that cannot be a target, or null if it all can.</summary>
    private static Expr? InvalidTargetPart(Expr expression, ExprContext context) => expression switch
    {
        ExprName or ExprAttribute or ExprSubscript => null,
        ExprStarred starred => context == ExprContext.Del ? starred : InvalidTargetPart(starred.Value, context),
        ExprTuple tuple => FirstInvalid(tuple.Elts, context),
        ExprList list => FirstInvalid(list.Elts, context),
        _ => expression,
    };

    private static Expr? FirstInvalid(ImmutableArray<Expr> elements, ExprContext context)
    {
        foreach (var element in elements)
        {
            if (InvalidTargetPart(element, context) is { } invalid)
            {
                return invalid;
            }
        }

        return null;
    }

    private PythonSyntaxException InvalidTarget(Expr expression, ExprContext context)
    {
        var invalid = InvalidTargetPart(expression, context) ?? expression;
        var verb = context == ExprContext.Del ? "delete" : "assign to";
        return Error($"cannot {verb} {ExpressionName(invalid)}", invalid.Span);
    }

    /// <summary>
    /// Checks the target on the left of an '=' with CPython's wording: a lone invalid expression directly
    /// followed by '=' and a value reads like a mistyped comparison, so it gets "… here. Maybe you meant
    /// '==' instead of '='?"; a yield expression and parts of longer targets get the plain message.
    /// </summary>
    private void CheckAssignmentTarget(Expr target, bool firstInChain, Expr value)
    {
        if (InvalidTargetPart(target, ExprContext.Store) is null)
        {
            return;
        }

        if (target is ExprYield or ExprYieldFrom)
        {
            throw Error("assignment to yield expression not possible", target.Span);
        }

        var comparisonLike = firstInChain
            && IsBitwiseOrLevel(target)
            && target is not (ExprList or ExprTuple or ExprGeneratorExp or ExprConstant { Value: null or bool })
            && IsBitwiseOrLevel(value is ExprTuple { Elts.Length: > 0 } tuple && !IsParenthesizedAt(tuple.Span.Start) ? tuple.Elts[0] : value)
            && Kind is not (TokenKind.Equal or TokenKind.ColonEqual);
        if (comparisonLike)
        {
            throw Error($"cannot assign to {ExpressionName(target)} here. Maybe you meant '==' instead of '='?", target.Span);
        }

        throw InvalidTarget(target, ExprContext.Store);
    }

    /// <summary>Whether the expression is one the grammar's bitwise_or rule produces (no comparison, boolean, lambda...).</summary>
    private bool IsBitwiseOrLevel(Expr expression) => expression switch
    {
        ExprCompare or ExprBoolOp or ExprIfExp or ExprLambda or ExprNamedExpr or ExprStarred or ExprYield or ExprYieldFrom => false,
        ExprUnaryOp { Op: UnaryOperator.Not } => false,
        ExprTuple tuple => IsParenthesizedAt(tuple.Span.Start),
        _ => true,
    };

    /// <summary>How CPython names an expression in error messages ("function call", "literal"...).</summary>
    private static string ExpressionName(Expr expression) => expression switch
    {
        ExprAttribute => "attribute",
        ExprSubscript => "subscript",
        ExprStarred => "starred",
        ExprName => "name",
        ExprList => "list",
        ExprTuple => "tuple",
        ExprLambda => "lambda",
        ExprCall => "function call",
        ExprBoolOp or ExprBinOp or ExprUnaryOp => "expression",
        ExprGeneratorExp => "generator expression",
        ExprYield or ExprYieldFrom => "yield expression",
        ExprAwait => "await expression",
        ExprListComp => "list comprehension",
        ExprSetComp => "set comprehension",
        ExprDictComp => "dict comprehension",
        ExprDict => "dict literal",
        ExprSet => "set display",
        ExprJoinedStr or ExprFormattedValue => "f-string expression",
        ExprTemplateStr or ExprInterpolation => "t-string expression",
        ExprConstant { Value: null } => "None",
        ExprConstant { Value: true } => "True",
        ExprConstant { Value: false } => "False",
        ExprConstant { Value: PyEllipsis } => "ellipsis",
        ExprConstant => "literal",
        ExprCompare => "comparison",
        ExprIfExp => "conditional expression",
        ExprNamedExpr => "named expression",
        ExprSlice => "slice",
        _ => "expression",
    };
}
