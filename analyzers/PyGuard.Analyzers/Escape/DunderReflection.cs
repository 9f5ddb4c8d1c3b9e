using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Escape;

/// <summary>
/// PG304: <c>getattr</c> and its relatives used with the name of an escape attribute — the same
/// attribute chain as PG301-PG303, spelled as strings so that attribute-based checks miss it.
/// </summary>
public sealed class DunderReflection : Analyzer
{
    private static readonly FrozenSet<string> Reflectors = FrozenSet.ToFrozenSet(
    [
        "builtins.getattr", "builtins.setattr", "builtins.delattr", "builtins.hasattr",
        "builtins.object.__getattribute__", "builtins.type.__getattribute__", "builtins.object.__setattr__",
        "inspect.getattr_static", "operator.attrgetter",
    ], StringComparer.Ordinal);

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG304", "Escape attribute reached by name", "{0}('{1}') reaches an escape attribute by name",
        RuleCategory.Escape, Severity.Error, Confidence.High, 9.0, [94, 693],
        whatItDoes: "Reports `getattr`, `setattr`, `delattr`, `hasattr`, `object.__getattribute__`, `inspect.getattr_static`, `operator.attrgetter` and `x.__getattribute__(...)` when the attribute name — written or folded from string building — is one of the escape attributes: `__globals__`, `__builtins__`, `__subclasses__`, `__code__`, `__class__`, `__dict__`, `__import__`, frame internals such as `f_globals`, and the like.",
        why: "Spelling the attribute as a string is how escapes get past filters that look for `.__globals__` in the code; the attribute reached is just as dangerous.",
        example: "g = getattr(func, '__glo' + 'bals__')",
        instead: "Access ordinary attributes directly; never reach interpreter internals by name.",
        safeExample: "value = getattr(config, field_name, None)");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterNodeAction(Analyze, NodeKind.ExprCall);

    private static void Analyze(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        var model = context.Model;
        string? function;
        Expr? nameArgument;
        if (call.Func is ExprAttribute { Attr: "__getattribute__" or "__getattr__" or "__setattr__" or "__delattr__" } method)
        {
            // obj.__getattribute__(name), but object.__getattribute__(obj, name) on the class itself.
            var onClass = model.CalleeNames(call).Any(n => n.StartsWith("builtins.object.", StringComparison.Ordinal) || n.StartsWith("builtins.type.", StringComparison.Ordinal));
            function = method.Attr;
            nameArgument = call.Argument(onClass ? 1 : 0);
        }
        else
        {
            function = model.CalleeIn(call, Reflectors);
            nameArgument = function switch
            {
                null => null,
                "operator.attrgetter" => call.Argument(0),
                _ => call.Argument(1),
            };
        }

        if (function is null || nameArgument is null)
        {
            return;
        }

        foreach (var name in NamesOf(model, nameArgument))
        {
            var last = name.Split('.')[^1];
            if (DunderNames.IsDangerous(last) || name.Split('.').Any(DunderNames.IsDangerous))
            {
                context.ReportHere(Descriptor, function.Replace("builtins.", string.Empty, StringComparison.Ordinal), name);
                return;
            }
        }
    }

    private static IEnumerable<string> NamesOf(SemanticModel model, Expr argument) => model.ValueOf(argument).Strings;
}
