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

    /// <summary>The attribute methods that take an attribute name, called on an object.</summary>
    private static readonly FrozenSet<string> AttributeMethods = FrozenSet.ToFrozenSet(
        ["__getattribute__", "__getattr__", "__setattr__", "__delattr__"], StringComparer.Ordinal);

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.RegisterAttributeAction(AnalyzeAttributeMethod, AttributeMethods);
        registration.RegisterCallAction(AnalyzeReflector, Reflectors);
    }

    /// <summary><c>obj.__getattribute__(name)</c>, but <c>object.__getattribute__(obj, name)</c> on the class itself.</summary>
    private static void AnalyzeAttributeMethod(NodeContext context)
    {
        if (context.MethodCall() is not { } call)
        {
            return;
        }

        var onClass = context.Model.CalleeNames(call).Any(n => n.StartsWith("builtins.object.", StringComparison.Ordinal) || n.StartsWith("builtins.type.", StringComparison.Ordinal));
        Analyze(context, call, ((ExprAttribute)context.Node).Attr, call.Argument(onClass ? 1 : 0));
    }

    /// <summary><c>getattr(obj, name)</c> and the other functions that take an attribute name.</summary>
    private static void AnalyzeReflector(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        if (call.Func is ExprAttribute { Attr: var method } && AttributeMethods.Contains(method))
        {
            // Written as the method call, judged as one.
            return;
        }

        var function = context.Model.CalleeIn(call, Reflectors)!;
        Analyze(context, call, function, function == "operator.attrgetter" ? call.Argument(0) : call.Argument(1));
    }

    private static void Analyze(NodeContext context, ExprCall call, string function, Expr? nameArgument)
    {
        if (nameArgument is null)
        {
            return;
        }

        var model = context.Model;
        foreach (var name in NamesOf(model, nameArgument))
        {
            var last = name.Split('.')[^1];
            if (DunderNames.IsDangerous(last) || name.Split('.').Any(DunderNames.IsDangerous))
            {
                context.Report(Descriptor, call.Span, null, null, function.Replace("builtins.", string.Empty, StringComparison.Ordinal), name);
                return;
            }
        }
    }

    private static IEnumerable<string> NamesOf(SemanticModel model, Expr argument) => model.ValueOf(argument).Strings;
}
