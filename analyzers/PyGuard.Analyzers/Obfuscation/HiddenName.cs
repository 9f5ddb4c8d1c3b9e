using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Obfuscation;

/// <summary>
/// PG807: a dangerous attribute or member name that is built rather than written, then used to look
/// something up — <c>getattr(os, 'sy' + 'stem')</c>, <c>vars(builtins)['ev' + 'al']</c>.
/// </summary>
public sealed class HiddenName : Analyzer
{
    private static readonly FrozenSet<string> Lookups = FrozenSet.ToFrozenSet(
        ["builtins.getattr", "builtins.setattr", "builtins.hasattr", "builtins.delattr", "operator.attrgetter", "inspect.getattr_static"],
        StringComparer.Ordinal);

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG807", "Dangerous name hidden by string building", "the name '{0}' is built at run time and used to look up {1}",
        RuleCategory.Obfuscation, Severity.Error, Confidence.High, 8.5, [506],
        whatItDoes: "Reports attribute and key lookups (`getattr` and its relatives, subscripts of namespaces and dicts, `.get(...)`) whose name is not written as a literal but folds — through concatenation, slicing, `join`, `chr`, `format`, decoding or helper functions — to a dangerous name such as `system`, `eval`, `__import__`, `__globals__` or `popen`. The lookup itself is judged by its own rule as well.",
        why: "There is no innocent reason to spell `'sy' + 'stem'`: splitting a name only serves to keep it out of the text that scanners and reviewers read.",
        example: "import os\ngetattr(os, 'sys' + 'tem')('id')",
        instead: "Write the name; call the function directly.");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterNodeAction(Analyze, NodeKind.ExprCall, NodeKind.ExprSubscript);

    private static void Analyze(NodeContext context)
    {
        var model = context.Model;
        Expr? key = null;
        string what;
        switch (context.Node)
        {
            case ExprCall call when model.CalleeIn(call, Lookups) is { } lookup:
                key = lookup == "operator.attrgetter" ? call.Argument(0) : call.Argument(1);
                what = $"an attribute with {lookup["builtins.".Length..]}";
                break;
            case ExprCall { Func: ExprAttribute { Attr: "get" or "pop" or "__getitem__" or "__getattribute__" } method } call:
                key = call.Argument(0);
                what = $"a key with .{method.Attr}()";
                break;
            case ExprSubscript subscript when subscript.Slice is not ExprSlice:
                key = subscript.Slice;
                what = "a key by subscript";
                break;
            default:
                return;
        }

        if (key is null || key is ExprConstant)
        {
            return;
        }

        // A name that is written as a literal somewhere (and reaches here through a variable) is not hidden.
        var name = HiddenDangerousName(model, key);
        if (name is not null)
        {
            context.Report(Descriptor, key, name, what);
        }
    }

    private static string? HiddenDangerousName(SemanticModel model, Expr key)
    {
        // A loop rather than a lambda over model: the closure was allocated for every call and subscript.
        foreach (var name in model.ValueOf(key).Strings)
        {
            if (DangerousNames.Contains(name) && !model.IsWrittenLiteral(name))
            {
                return name;
            }
        }

        return null;
    }
}
