using System.Collections.Immutable;
using PyGuard.Syntax;
using PyGuard.Syntax.Text;

namespace PyGuard.Engine.Suppressions;

/// <summary>
/// A <c># pyguard: ignore</c> or <c># pyguard: ignore[PG301, PG302]</c> comment, on the line it
/// applies to. An empty rule list means every rule.
/// </summary>
public sealed record SuppressionComment(int Line, TextSpan Span, string Text, ImmutableArray<string> RuleIds)
{
    public bool Covers(string ruleId) => RuleIds.IsEmpty || RuleIds.Contains(ruleId);

    public static ImmutableArray<SuppressionComment> Find(SyntaxTree tree)
    {
        var builder = ImmutableArray.CreateBuilder<SuppressionComment>();
        foreach (var comment in tree.Comments)
        {
            if (TryParse(comment.Text, out var rules))
            {
                builder.Add(new SuppressionComment(tree.Text.GetLineNumber(comment.Span.Start), comment.Span, comment.Text.Trim(), rules));
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>Recognises the directive anywhere in a comment, so <c># noqa # pyguard: ignore</c> counts too.</summary>
    internal static bool TryParse(string comment, out ImmutableArray<string> rules)
    {
        rules = [];
        var index = comment.IndexOf("pyguard:", StringComparison.OrdinalIgnoreCase);
        if (index < 0)
        {
            return false;
        }

        var rest = comment[(index + "pyguard:".Length)..].TrimStart();
        if (!rest.StartsWith("ignore", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        rest = rest["ignore".Length..].TrimStart();
        if (!rest.StartsWith('['))
        {
            return true;
        }

        var close = rest.IndexOf(']');
        if (close < 0)
        {
            return true;
        }

        rules = [.. rest[1..close].Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r.ToUpperInvariant())];
        return true;
    }
}
