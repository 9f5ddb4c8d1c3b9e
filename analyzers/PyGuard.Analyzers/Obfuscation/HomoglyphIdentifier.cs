using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics.Knowledge;
using PyGuard.Syntax.Text;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Obfuscation;

/// <summary>
/// PG804: identifiers whose spelling in the source is not their name — fullwidth or mathematical letters
/// that NFKC folds to ASCII (<c>ｅｘｅｃ</c> is <c>exec</c>) — and identifiers mixing Latin with look-alike
/// Cyrillic or Greek letters.
/// </summary>
public sealed class HomoglyphIdentifier : Analyzer
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG804", "Look-alike identifier", "{0}",
        RuleCategory.Obfuscation, Severity.Warning, Confidence.High, 7.0, [1007],
        whatItDoes: "Compares each identifier as written with the name Python uses after NFKC normalisation (PEP 3131). An identifier written with fullwidth, mathematical or other compatibility characters is reported — as an error when it normalises to a builtin or a dangerous name such as `exec`, `eval`, `os` or `system`. Identifiers that mix Latin letters with Cyrillic or Greek ones are warnings.",
        why: "`ｅｘｅｃ(code)` runs `exec`, but a scanner or reviewer searching for `exec` does not see it; `рrint` with a Cyrillic `р` is a different name from `print` that looks the same. Both are ways to hide what code calls.",
        example: "ｅｘｅｃ(payload)",
        instead: "Write identifiers in plain ASCII (or in one script).");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.RegisterNodeAction(Analyze, NodeKind.ExprName, NodeKind.ExprAttribute, NodeKind.StmtFunctionDef,
            NodeKind.StmtAsyncFunctionDef, NodeKind.StmtClassDef, NodeKind.Arg, NodeKind.Alias, NodeKind.Keyword);

        // An identifier written in pure ASCII is its own name and mixes no scripts; most files are all ASCII.
        registration.RunNodeActionsOnlyIf(file => file.Text.HasNonAscii);
    }

    private static void Analyze(NodeContext context)
    {
        var (name, span) = Identifier(context.Node, context.Text);
        if (name is null || span is null)
        {
            return;
        }

        if (!context.Text.Text.AsSpan(span.Value.Start, span.Value.Length).ContainsAnyExceptInRange('\0', '\u007F'))
        {
            return;
        }

        var written = context.Text.Text.Substring(span.Value.Start, span.Value.Length);

        if (!string.Equals(Strip(written), name, StringComparison.Ordinal))
        {
            var dangerous = Builtins.IsBuiltin(name) || DangerousNames.Contains(name);
            context.Report(Descriptor, span.Value, dangerous ? Severity.Error : Severity.Warning, Confidence.High,
                $"'{written}' is written with look-alike characters and means '{name}'");
            return;
        }

        if (MixesScripts(written))
        {
            context.Report(Descriptor, span.Value, Severity.Warning, Confidence.Medium, $"'{written}' mixes Latin letters with look-alike letters of another script");
        }
    }

    private static string Strip(string text) => text.Trim();

    /// <summary>The normalised name a node declares or uses, and the span of its spelling in the source.</summary>
    private static (string? Name, TextSpan? Span) Identifier(Node node, SourceText text)
    {
        switch (node)
        {
            case ExprName n:
                return (n.Id, n.Span);
            case ExprAttribute a:
                return (a.Attr, TrailingIdentifier(text, a.Value.Span.End, a.Span.End));
            case Arg arg:
                return (arg.Name, LeadingIdentifier(text, arg.Span.Start, arg.Span.End));
            case Keyword { Arg: { } k } keyword:
                return (k, LeadingIdentifier(text, keyword.Span.Start, keyword.Span.End));
            case Alias alias:
                return (alias.Asname ?? alias.Name, alias.Asname is null ? LeadingIdentifier(text, alias.Span.Start, alias.Span.End) : TrailingIdentifier(text, alias.Span.Start, alias.Span.End));
            case StmtFunctionDef or StmtAsyncFunctionDef or StmtClassDef:
            {
                var name = node switch
                {
                    StmtFunctionDef f => f.Name,
                    StmtAsyncFunctionDef f => f.Name,
                    _ => ((StmtClassDef)node).Name,
                };
                var keyword = node is StmtClassDef ? "class" : "def";
                var start = text.Text.IndexOf(keyword, node.Span.Start, node.Span.Length, StringComparison.Ordinal);
                return start < 0 ? (name, null) : (name, LeadingIdentifier(text, start + keyword.Length, node.Span.End));
            }

            default:
                return (null, null);
        }
    }

    private static TextSpan? LeadingIdentifier(SourceText text, int from, int to)
    {
        var start = from;
        while (start < to && !IsIdentifierChar(text.Text, start))
        {
            start++;
        }

        var end = start;
        while (end < to && IsIdentifierChar(text.Text, end))
        {
            end++;
        }

        return end > start ? new TextSpan(start, end) : null;
    }

    private static TextSpan? TrailingIdentifier(SourceText text, int from, int to)
    {
        var end = to;
        var start = end;
        while (start > from && IsIdentifierChar(text.Text, start - 1))
        {
            start--;
        }

        return end > start ? new TextSpan(start, end) : null;
    }

    private static bool IsIdentifierChar(string text, int index)
    {
        var c = text[index];
        return char.IsLetterOrDigit(c) || c == '_' || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is
            System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark or
            System.Globalization.UnicodeCategory.ConnectorPunctuation or System.Globalization.UnicodeCategory.LetterNumber;
    }

    private static bool MixesScripts(string identifier)
    {
        bool latin = false, other = false;
        foreach (var c in identifier)
        {
            if (char.IsAsciiLetter(c))
            {
                latin = true;
            }
            else if (c is >= '\u0370' and <= '\u052F')
            {
                // Greek and Cyrillic hold the letters that look like Latin ones (а, е, о, р, с, х, ο, ν, ...).
                other = true;
            }
        }

        return latin && other;
    }
}
