using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics;
using PyGuard.Semantics.Evaluation;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Escape;

/// <summary>
/// PG305: format strings whose replacement fields walk attributes — <c>'{0.__class__.__init__.__globals__}'</c> —
/// which <c>str.format</c> evaluates without any code appearing in the source.
/// </summary>
public sealed class FormatStringTraversal : Analyzer
{
    private static readonly FrozenSet<string> Formatters = FrozenSet.ToFrozenSet(
        ["string.Formatter.format", "string.Formatter.vformat"], StringComparer.Ordinal);

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG305", "Format-string attribute traversal", "{0}",
        RuleCategory.Escape, Severity.Error, Confidence.High, 8.0, [134, 94],
        whatItDoes: "Reports `str.format`, `str.format_map` and `string.Formatter().format`/`vformat` calls whose template (written or folded) has a replacement field that reaches a dunder or frame attribute, such as `{0.__class__.__init__.__globals__}` or `{user.__dict__}`. A template only known at run time that is formatted with objects is a note: whoever controls the template can traverse those objects.",
        why: "Replacement fields evaluate attribute and index chains on the arguments. A template like `'{0.__init__.__globals__[SECRET_KEY]}'` leaks the globals of any object's module without calling anything — a known way to read secrets through template features.",
        example: "'{0.__class__.__init__.__globals__}'.format(obj)",
        instead: "Format plain values (`'{name}'.format(name=user.name)`) and never let input choose the template.",
        safeExample: "'{0.name} is {0.age}'.format(person)");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.RegisterAttributeAction(AnalyzeFormatMethod, ["format", "format_map"]);
        registration.RegisterCallAction(AnalyzeFormatter, Formatters);
    }

    /// <summary><c>template.format(...)</c> on a string (a callee the model cannot name: a str method).</summary>
    private static void AnalyzeFormatMethod(NodeContext context)
    {
        if (context.MethodCall() is { } call && !context.Model.CalleeNames(call).Any())
        {
            Analyze(context, call, ((ExprAttribute)context.Node).Value);
        }
    }

    /// <summary><c>string.Formatter().format(template, ...)</c>.</summary>
    private static void AnalyzeFormatter(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        if (call.Argument(0) is { } template)
        {
            Analyze(context, call, template);
        }
    }

    private static void Analyze(NodeContext context, ExprCall call, Expr template)
    {
        var model = context.Model;
        var values = model.ValueOf(template);
        foreach (var text in values.Strings)
        {
            var fields = FormatSpec.ParseTemplate(text);
            if (fields is null)
            {
                continue;
            }

            foreach (var field in fields.OfType<FormatSpec.Field>())
            {
                var steps = field.Traversal.Split(['.', '[', ']'], StringSplitOptions.RemoveEmptyEntries);
                var dangerous = steps.FirstOrDefault(s => DunderNames.IsDangerous(s) || DunderNames.IsDunder(s));
                if (dangerous is not null)
                {
                    context.Report(Descriptor, call.Span, null, null, $"the format field '{{{field.Name}{field.Traversal}}}' reaches {dangerous}");
                    return;
                }
            }
        }

        var hasObjects = call.Args.Length > 0 || call.Keywords.Length > 0;
        if (values.MayBeOther && !values.Strings.Any() && hasObjects && template is not ExprConstant && values.Items.All(v => v is not ConstValue))
        {
            context.Report(Descriptor, call.Span, Severity.Note, Confidence.Low, "a template known only at run time is formatted with objects");
        }
    }
}
