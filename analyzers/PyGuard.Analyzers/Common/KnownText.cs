using System.Text;
using PyGuard.Semantics;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Common;

/// <summary>
/// What is known of text that is only partly constant: the beginning of <c>f"{BOT}?{query}"</c> when
/// <c>BOT</c> is known, or the outline of a command line with its variable parts marked. Rules use it
/// for URLs and commands built from constant pieces and data; the values themselves come from the
/// semantic model.
/// </summary>
internal static class KnownText
{
    /// <summary>Marks a part of an outline the analysis does not know.</summary>
    public const string Gap = "…";

    /// <summary>The texts an expression may start with: its full values when known, else its known leading part.</summary>
    public static IEnumerable<string> Prefixes(SemanticModel model, Expr expr)
    {
        var value = model.ValueOf(expr);
        foreach (var text in value.Strings)
        {
            yield return text;
        }

        if (value.MayBeOther || !value.Strings.Any())
        {
            var prefix = Outline(model, expr);
            var gap = prefix.IndexOf(Gap, StringComparison.Ordinal);
            prefix = gap < 0 ? prefix : prefix[..gap];
            if (prefix.Length > 0)
            {
                yield return prefix;
            }
        }
    }

    /// <summary>
    /// The expression as text with every part the analysis does not know replaced by <see cref="Gap"/>:
    /// f-strings, concatenation and argument lists keep their constant pieces.
    /// </summary>
    public static string Outline(SemanticModel model, Expr expr)
    {
        var builder = new StringBuilder();
        Append(model, expr, builder, 0);
        return builder.ToString();
    }

    private static void Append(SemanticModel model, Expr expr, StringBuilder builder, int depth)
    {
        if (builder.Length > 4096 || depth > 16)
        {
            builder.Append(Gap);
            return;
        }

        if (model.StringOf(expr) is { } constant)
        {
            builder.Append(constant);
            return;
        }

        switch (expr)
        {
            case ExprJoinedStr joined:
                foreach (var part in joined.Values)
                {
                    Append(model, part, builder, depth + 1);
                }

                break;
            case ExprFormattedValue formatted:
                Append(model, formatted.Value, builder, depth + 1);
                break;
            case ExprBinOp { Op: Operator.Add } binary:
                Append(model, binary.Left, builder, depth + 1);
                Append(model, binary.Right, builder, depth + 1);
                break;
            case ExprList or ExprTuple:
                var elements = expr is ExprList list ? list.Elts : ((ExprTuple)expr).Elts;
                for (var i = 0; i < elements.Length; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(' ');
                    }

                    Append(model, elements[i], builder, depth + 1);
                }

                break;
            default:
                AppendValue(model.ValueOf(expr), builder);
                break;
        }
    }

    /// <summary>A value the expression's syntax does not explain: a folded sequence (an argv list) or a gap.</summary>
    private static void AppendValue(ValueSet value, StringBuilder builder)
    {
        switch (value.Single)
        {
            case ConstValue { Constant: PySequence sequence }:
                builder.AppendJoin(' ', sequence.Items.Select(i => i is PyStr s ? s.Value : Gap));
                break;
            case ContainerValue container:
                builder.AppendJoin(' ', container.Items.Select(i => i.Constant is PyStr s ? s.Value : Gap));
                break;
            case PathValue path:
                builder.Append(path.Display);
                break;
            default:
                builder.Append(Gap);
                break;
        }
    }
}
