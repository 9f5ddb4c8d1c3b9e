using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Obfuscation;

/// <summary>PG803: text assembled from character codes (<c>chr(111) + chr(115)</c>, <c>''.join(map(chr, [...]))</c>).</summary>
public sealed class CharCodeStringBuilding : Analyzer
{
    private const int MinimumChrCalls = 3;

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG803", "String built from character codes", "{0}",
        RuleCategory.Obfuscation, Severity.Warning, Confidence.Medium, 6.0, [506],
        whatItDoes: "Reports strings assembled from character codes: chains of `chr(...)` (three or more), `''.join(chr(c) for c in ...)`, `''.join(map(chr, ...))` and `bytes([...]).decode()`. When the assembled text folds to a dangerous name (`os`, `system`, `eval`, `__import__`, ...) it is an error. The message shows the folded text.",
        why: "Nobody writes `chr(111) + chr(115)` to get `'os'` except to keep the word `os` out of the source, where scanners and reviewers would see it.",
        example: "m = __import__(chr(111) + chr(115))",
        instead: "Write the string.");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterNodeAction(Analyze, NodeKind.ExprBinOp, NodeKind.ExprCall);

    private static void Analyze(NodeContext context)
    {
        var expr = (Expr)context.Node;
        var model = context.Model;
        var isBuilder = expr switch
        {
            // Only the outermost + of a chain, and only if it is mostly chr calls.
            ExprBinOp { Op: Operator.Add } => context.Parent is not ExprBinOp { Op: Operator.Add } && CountChr(model, expr) >= MinimumChrCalls,
            ExprCall { Func: ExprAttribute { Attr: "join" } } join => join.Args.Length == 1 && CountChr(model, join.Args[0]) >= 1,
            ExprCall { Func: ExprAttribute { Attr: "decode", Value: ExprCall inner } } =>
                (model.MayBe(inner.Func, "builtins.bytes") || model.MayBe(inner.Func, "builtins.bytearray")) && inner.Args is [ExprList or ExprTuple],
            _ => false,
        };
        if (!isBuilder)
        {
            return;
        }

        var text = model.StringOf(expr);
        if (text is not null && DangerousNames.Contains(text))
        {
            context.Report(Descriptor, expr.Span, Severity.Error, Confidence.High, $"character codes spell the dangerous name '{text}'");
        }
        else
        {
            context.ReportHere(Descriptor, text is null ? "string built from character codes" : $"string built from character codes: '{CallSites.Describe(text)}'");
        }
    }

    private static int CountChr(SemanticModel model, Expr expr)
    {
        var counter = new ChrCounter(model);
        counter.Visit(expr);
        return counter.Count;
    }

    private sealed class ChrCounter(SemanticModel model) : NodeWalker
    {
        public int Count { get; private set; }

        public override void VisitExprCall(ExprCall node)
        {
            if (model.MayBe(node.Func, "builtins.chr") || (model.MayBe(node.Func, "builtins.map") && node.Args.Length > 0 && model.MayBe(node.Args[0], "builtins.chr")))
            {
                Count++;
            }

            base.VisitExprCall(node);
        }
    }
}
