using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Syntax;
using PyGuard.Syntax.Text;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Obfuscation;

/// <summary>
/// PG805 and PG806: characters that change how source looks without changing what it does — the
/// bidirectional controls of "Trojan Source" (CVE-2021-42574) and invisible or blank characters.
/// Both scan the raw text, so they see comments and strings too, where these tricks live.
/// </summary>
public sealed class InvisibleCharacters : Analyzer
{
    public static readonly RuleDescriptor BidiControl = Rule.Define(
        "PG805", "Bidirectional control character", "bidirectional control character {0} ({1}) can make the code display differently from how it runs",
        RuleCategory.Obfuscation, Severity.Error, Confidence.High, 8.0, [451],
        whatItDoes: "Reports the Unicode bidirectional controls U+202A-U+202E, U+2066-U+2069, U+200E, U+200F and U+061C anywhere in the source, including comments and strings.",
        why: "These characters reorder how text is displayed. Placed in comments or strings they make an editor or code review show logic that differs from what the interpreter runs (Trojan Source, CVE-2021-42574): a `return` that appears to be in a comment, a check that appears to be closed.",
        example: "access_level = 'user\\u202e \\u2066# check if admin\\u2069 \\u2066'",
        instead: "Remove the control characters; write right-to-left text in data files rather than in code.",
        safeExample: null, "https://trojansource.codes/", "https://nvd.nist.gov/vuln/detail/CVE-2021-42574");

    public static readonly RuleDescriptor Invisible = Rule.Define(
        "PG806", "Invisible character", "invisible character {0} ({1}){2}",
        RuleCategory.Obfuscation, Severity.Warning, Confidence.High, 6.0, [1007],
        whatItDoes: "Reports zero-width and blank characters in the source: zero-width space, non-joiner and joiner, word joiner and invisible operators, byte-order marks after the start, soft hyphens, the Mongolian vowel separator, and the Hangul fillers that Python accepts in identifiers. Inside an identifier it is an error.",
        why: "Invisible characters make two names that look identical differ (or a name that looks empty exist), and hide content in strings that reviewers cannot see. Hangul fillers allow variables whose names are invisible.",
        example: "\\u3164 = __import__('os')\n\\u3164.system('id')",
        instead: "Remove the character.");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [BidiControl, Invisible];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterFileAction(Analyze);

    private static void Analyze(FileContext context)
    {
        var text = context.Text.Text;
        var reportedLines = new HashSet<(int, string)>();
        LiteralSpans? spans = null;
        LiteralSpans Literals() => spans ??= LiteralSpans.Of(context.Tree);
        var first = text.AsSpan().IndexOfAnyInRange('\u00AD', '\uFFFF');
        for (var i = first < 0 ? text.Length : first; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '\u00AD')
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                if (codePoint is >= 0xE0000 and <= 0xE007F && reportedLines.Add((context.Text.GetLineNumber(i), "tag")))
                {
                    // Tag characters render as nothing and can carry a whole ASCII text inside an innocent string.
                    context.Report(Invisible, new TextSpan(i, i + 2), Literals().Contains(i) ? Severity.Warning : Severity.Error, null,
                        $"U+{codePoint:X5}", "TAG CHARACTER", " (invisible tag characters can spell out hidden text)");
                }

                i++;
                continue;
            }

            // Named only when reported: text in other scripts has a character here at nearly every index.
            var span = new TextSpan(i, i + 1);
            if (BidiName(c) is { } bidi)
            {
                if (reportedLines.Add((context.Text.GetLineNumber(i), "bidi")))
                {
                    context.Report(BidiControl, span, null, null, CodeOf(c), bidi);
                }
            }
            else if (InvisibleName(c, i) is { } invisible)
            {
                // Outside strings and comments, an invisible character is part of the code itself: a name.
                var inIdentifier = !Literals().Contains(i);
                var code = CodeOf(c);
                if (reportedLines.Add((context.Text.GetLineNumber(i), code)))
                {
                    context.Report(Invisible, span, inIdentifier ? Severity.Error : Severity.Warning, null, code, invisible,
                        inIdentifier ? " inside or beside an identifier" : string.Empty);
                }
            }
        }
    }

    private static string CodeOf(char c) => $"U+{(int)c:X4}";

    private static string? BidiName(char c) => c switch
    {
        '\u202A' => "LEFT-TO-RIGHT EMBEDDING",
        '\u202B' => "RIGHT-TO-LEFT EMBEDDING",
        '\u202C' => "POP DIRECTIONAL FORMATTING",
        '\u202D' => "LEFT-TO-RIGHT OVERRIDE",
        '\u202E' => "RIGHT-TO-LEFT OVERRIDE",
        '\u2066' => "LEFT-TO-RIGHT ISOLATE",
        '\u2067' => "RIGHT-TO-LEFT ISOLATE",
        '\u2068' => "FIRST STRONG ISOLATE",
        '\u2069' => "POP DIRECTIONAL ISOLATE",
        '\u200E' => "LEFT-TO-RIGHT MARK",
        '\u200F' => "RIGHT-TO-LEFT MARK",
        '\u061C' => "ARABIC LETTER MARK",
        _ => null,
    };

    private static string? InvisibleName(char c, int index) => c switch
    {
        '\u200B' => "ZERO WIDTH SPACE",
        '\u200C' => "ZERO WIDTH NON-JOINER",
        '\u200D' => "ZERO WIDTH JOINER",
        '\u2060' => "WORD JOINER",
        '\u2061' => "FUNCTION APPLICATION",
        '\u2062' => "INVISIBLE TIMES",
        '\u2063' => "INVISIBLE SEPARATOR",
        '\u2064' => "INVISIBLE PLUS",
        '\uFEFF' when index > 0 => "ZERO WIDTH NO-BREAK SPACE",
        '\u00AD' => "SOFT HYPHEN",
        '\u180E' => "MONGOLIAN VOWEL SEPARATOR",
        '\u3164' => "HANGUL FILLER",
        '\u115F' => "HANGUL CHOSEONG FILLER",
        '\u1160' => "HANGUL JUNGSEONG FILLER",
        '\uFFA0' => "HALFWIDTH HANGUL FILLER",
        _ => null,
    };
}

/// <summary>The spans of string literals and comments of a file, to tell text inside them from code.</summary>
internal sealed class LiteralSpans : NodeWalker
{
    private readonly List<TextSpan> _spans = [];

    public static LiteralSpans Of(SyntaxTree tree)
    {
        var spans = new LiteralSpans();
        spans.Visit(tree.Root);
        spans._spans.AddRange(tree.Comments.Select(c => c.Span));
        spans._spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return spans;
    }

    public bool Contains(int offset)
    {
        // Spans may nest (an f-string holds its parts); any span containing the offset will do.
        foreach (var span in _spans)
        {
            if (span.Start > offset)
            {
                break;
            }

            if (span.Contains(offset))
            {
                return true;
            }
        }

        return false;
    }

    public override void VisitExprConstant(ExprConstant node)
    {
        if (node.Value is string or System.Collections.Immutable.ImmutableArray<byte>)
        {
            _spans.Add(node.Span);
        }
    }

    public override void VisitExprJoinedStr(ExprJoinedStr node) => _spans.Add(node.Span);
}
