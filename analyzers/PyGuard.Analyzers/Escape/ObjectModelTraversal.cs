using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Escape;

/// <summary>
/// PG301: climbing the class hierarchy — <c>().__class__.__base__.__subclasses__()</c> — to reach classes
/// the code never imported, the first step of nearly every Python sandbox escape.
/// </summary>
public sealed class ObjectModelTraversal : Analyzer
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG301", "Class-hierarchy traversal", "{0}",
        RuleCategory.Escape, Severity.Error, Confidence.High, 9.0, [94, 693],
        whatItDoes: "Reports `__subclasses__` anywhere, and `__base__`, `__bases__`, `__mro__` or `mro()` reached from `__class__`, `type(...)`, a literal or a builtin type. Other uses of `__mro__`/`__bases__` (for example in a metaclass) are warnings. `self.__class__.__name__` and `type(self).__name__` are not reported.",
        why: "From any object, `__class__.__base__` leads to `object`, and `object.__subclasses__()` lists every class loaded in the interpreter — including ones whose methods reach `os`, `subprocess` or the builtins. Restricted environments are escaped this way without a single import.",
        example: "[c for c in ().__class__.__base__.__subclasses__() if c.__name__ == 'Popen'][0](['id'])",
        instead: "Use the classes you need by importing them; use `isinstance` and `issubclass` for type checks.",
        safeExample: "name = type(self).__name__");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterAttributeAction(Analyze, DunderNames.Hierarchy);

    private static void Analyze(NodeContext context)
    {
        var attribute = (ExprAttribute)context.Node;
        if (attribute.Attr == "__subclasses__")
        {
            context.ReportHere(Descriptor, "__subclasses__ lists every class loaded in the interpreter");
            return;
        }

        if (attribute.Attr == "mro" && context.Parent is not ExprCall)
        {
            return;
        }

        if (ReachesFromAnyObject(context, attribute.Value))
        {
            context.ReportHere(Descriptor, $"{attribute.Attr} climbs from an object to its base classes");
        }
        else if (attribute.Attr != "mro")
        {
            context.Report(Descriptor, attribute.Span, Severity.Warning, Confidence.Medium, $"{attribute.Attr} reads the class hierarchy");
        }
    }

    /// <summary>Whether the owner is the class of some arbitrary object rather than a class the code defines.</summary>
    private static bool ReachesFromAnyObject(NodeContext context, Expr owner) => owner switch
    {
        ExprAttribute { Attr: "__class__" or "__base__" or "__bases__" or "__mro__" } => true,
        ExprSubscript { Value: ExprAttribute { Attr: "__bases__" or "__mro__" } } => true,
        ExprCall call when context.Model.MayBe(call.Func, "builtins.type") => true,
        ExprConstant or ExprTuple or ExprList or ExprDict or ExprSet => true,
        _ => context.Model.ValueOf(owner).Any(v => v is RefValue r && r.QualifiedName.StartsWith("builtins.", StringComparison.Ordinal)),
    };
}
