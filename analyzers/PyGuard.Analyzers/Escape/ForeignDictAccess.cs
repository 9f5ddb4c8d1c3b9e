using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Escape;

/// <summary>
/// PG309: the namespace of a module or class read as a dict (<c>os.__dict__</c>, <c>vars(module)</c>),
/// and <c>__dict__</c> of other objects. <c>self.__dict__</c> and <c>cls.__dict__</c> are everyday code.
/// </summary>
public sealed class ForeignDictAccess : Analyzer
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG309", "Namespace read as a dict", "{0}",
        RuleCategory.Escape, Severity.Warning, Confidence.Medium, 6.0, [94, 693],
        whatItDoes: "Reports `__dict__` and `vars(...)` used on modules (an error, since it reaches every member by computed name), on classes and types (a warning: it exposes descriptors and class internals), and on other objects that are not `self` or `cls` (a note). `self.__dict__` and `cls.__dict__` are not reported. The builtins namespace itself is PG307.",
        why: "A module's `__dict__` hands out its members by string key — `os.__dict__['sys' + 'tem']` — which defeats every rule that recognises names. Class `__dict__` exposes unbound internals used in escapes.",
        example: "import os\nrun = os.__dict__['sy' + 'stem']",
        instead: "Access attributes directly; use `dataclasses.asdict` or explicit fields to serialise objects.",
        safeExample: "state = dict(self.__dict__)");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.RegisterAttributeAction(AnalyzeAttribute, ["__dict__"]);
        registration.RegisterCallAction(AnalyzeCall, ["builtins.vars"]);
    }

    private static void AnalyzeAttribute(NodeContext context)
    {
        var attribute = (ExprAttribute)context.Node;
        if (attribute.Value is ExprName { Id: "self" or "cls" or "mcs" or "metacls" })
        {
            return;
        }

        Judge(context, attribute.Value, attribute.Span, $"{Describe(attribute.Value)}.__dict__");
    }

    private static void AnalyzeCall(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        if (call.Args.Length == 1 && context.Model.MayBe(call.Func, "builtins.vars") && call.Args[0] is not ExprName { Id: "self" or "cls" })
        {
            Judge(context, call.Args[0], call.Span, $"vars({Describe(call.Args[0])})");
        }
    }

    private static void Judge(NodeContext context, Expr owner, Syntax.Text.TextSpan span, string what)
    {
        var value = context.Model.ValueOf(owner);
        if (value.Any(v => v is RefValue { QualifiedName: "builtins" }))
        {
            return;
        }

        if (value.Any(v => v is RefValue r && !r.QualifiedName.StartsWith("builtins.", StringComparison.Ordinal) && !r.QualifiedName.StartsWith('.')))
        {
            context.Report(Descriptor, span, Severity.Error, Confidence.High, $"{what} reads a module's namespace by key");
        }
        else if (value.Any(v => v is ClassValue or RefValue) || owner is ExprCall { Func: ExprName { Id: "type" } })
        {
            context.Report(Descriptor, span, Severity.Warning, Confidence.Medium, $"{what} reads a class's internals");
        }
        else
        {
            context.Report(Descriptor, span, Severity.Note, Confidence.Low, $"{what} reads another object's attributes as a dict");
        }
    }

    private static string Describe(Expr expr) => expr switch
    {
        ExprName n => n.Id,
        ExprAttribute a => Describe(a.Value) + "." + a.Attr,
        _ => "(...)",
    };
}
