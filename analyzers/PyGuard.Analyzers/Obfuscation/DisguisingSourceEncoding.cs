using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Syntax.Text;

namespace PyGuard.Analyzers.Obfuscation;

/// <summary>PG808: a PEP 263 coding cookie that makes the file's bytes read differently from how they look.</summary>
public sealed class DisguisingSourceEncoding : Analyzer
{
    private static readonly FrozenSet<string> Disguising = FrozenSet.ToFrozenSet(
        ["utf-7", "utf_7", "u7", "unicode-escape", "unicode_escape", "raw-unicode-escape", "raw_unicode_escape", "punycode", "idna", "rot13", "rot_13", "uu", "zlib"],
        StringComparer.OrdinalIgnoreCase);

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG808", "Source encoding that disguises code", "the file declares the source encoding '{0}', under which its bytes read differently from how they look",
        RuleCategory.Obfuscation, Severity.Error, Confidence.High, 8.0, [506, 176],
        whatItDoes: "Reports coding cookies (`# -*- coding: ... -*-`, PEP 263) that name encodings in which ASCII text decodes to different code: `utf-7` (where `+AG8AcwA-` is `os`), `unicode_escape` and `raw_unicode_escape` (where `\\x6f\\x73` in the code itself becomes `os`), and the like. PyGuard decodes such files as CPython does and scans the decoded code as usual; this rule reports the disguise itself.",
        why: "Editors, reviewers and text-based scanners see the bytes; the interpreter runs the decoded text. Declaring one of these encodings serves only to make the two differ.",
        example: "# -*- coding: utf-7 -*-\nimport os\n+AG8AcwAuAHMAeQBzAHQAZQBtACgAIgBpAGQAIgAp-",
        instead: "Save the file as UTF-8 and remove the cookie.");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterFileAction(Analyze);

    private static void Analyze(FileContext context)
    {
        if (context.Tree.Encoding is { } encoding && Disguising.Contains(encoding))
        {
            var firstLines = context.Text.LineCount >= 2 ? context.Text.GetLineStart(2) + context.Text.GetLineText(2).Length : context.Text.Length;
            context.Report(Descriptor, new TextSpan(0, Math.Min(firstLines, context.Text.Length)), null, null, encoding);
        }
    }
}
