using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics.Knowledge;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Escape;

/// <summary>
/// PG307: the builtins reached as a namespace — <c>__builtins__</c>, <c>builtins.__dict__</c>,
/// <c>vars(builtins)</c>, <c>globals()['__builtins__']</c>, <c>print.__self__</c> — instead of by calling a
/// builtin by name.
/// </summary>
public sealed class BuiltinsNamespaceAccess : Analyzer
{
    private static readonly FrozenSet<string> DangerousBuiltins = FrozenSet.ToFrozenSet(
    [
        "eval", "exec", "compile", "__import__", "open", "getattr", "setattr", "delattr", "globals", "locals",
        "vars", "breakpoint", "input", "execfile", "__build_class__", "memoryview", "type", "object",
    ], StringComparer.Ordinal);

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG307", "Builtins reached through their namespace", "{0}",
        RuleCategory.Escape, Severity.Error, Confidence.High, 8.0, [94, 693],
        whatItDoes: "Reports the builtins namespace used as a dictionary or object: `__builtins__[...]`, `__builtins__.__dict__`, `builtins.__dict__[...]`, `vars(builtins)[...]`, `globals()['__builtins__']`, and the builtins module taken from a builtin function's `__self__` (`print.__self__`, `len.__self__`). A lookup of `eval`, `exec`, `__import__`, `open` or `getattr` this way is an error, and so is `__self__` of a builtin; other uses are warnings. A bare mention of `__builtins__` is a warning.",
        why: "Sandboxes remove or wrap dangerous builtins by name; the namespace itself hands them back. Reaching for it is how restricted code recovers `__import__` and `eval`.",
        example: "imp = __builtins__.__dict__['__imp' + 'ort__']\nimp('os').system('id')",
        instead: "Call builtins by name (`print`, `len`, ...), and import modules normally.",
        safeExample: "print(len(items))");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.RegisterNodeAction(AnalyzeSubscript, NodeKind.ExprSubscript);
        registration.RegisterNodeAction(AnalyzeName, NodeKind.ExprName);
        registration.RegisterAttributeAction(AnalyzeAttribute, ["__dict__"]);
        registration.RegisterAttributeAction(AnalyzeSelf, ["__self__"]);
    }

    private static void AnalyzeSubscript(NodeContext context)
    {
        var subscript = (ExprSubscript)context.Node;
        var container = context.Model.ValueOf(subscript.Value);
        var key = context.Model.ValueOf(subscript.Slice);
        var isBuiltins = container.Any(v => v is RefValue { QualifiedName: "builtins" } or NamespaceValue { ModuleName: "builtins" });
        var isGlobals = container.Any(v => v is NamespaceValue { ModuleName: NamespaceValue.CurrentModule });
        if (isGlobals && key.Strings.Contains("__builtins__"))
        {
            context.ReportHere(Descriptor, "globals()['__builtins__'] reaches the builtins namespace");
            return;
        }

        if (!isBuiltins)
        {
            return;
        }

        var name = key.Strings.FirstOrDefault();
        if (name is not null && DangerousBuiltins.Contains(name))
        {
            context.ReportHere(Descriptor, $"looks up '{name}' in the builtins namespace");
        }
        else
        {
            context.Report(Descriptor, subscript.Span, Severity.Warning, Confidence.Medium,
                name is null ? "looks up a computed name in the builtins namespace" : $"looks up '{name}' in the builtins namespace");
        }
    }

    private static void AnalyzeName(NodeContext context)
    {
        var name = (ExprName)context.Node;
        if (name.Id == "__builtins__" && name.Ctx == ExprContext.Load && context.Parent is not ExprSubscript && context.Parent is not ExprAttribute { Attr: "__dict__" })
        {
            context.Report(Descriptor, name.Span, Severity.Warning, Confidence.Medium, "uses __builtins__ directly");
        }
    }

    /// <summary>
    /// <c>print.__self__</c>: every function of the builtins module hands the module back, so any builtin
    /// left in reach recovers <c>__import__</c> and <c>eval</c> without the name <c>builtins</c>.
    /// </summary>
    private static void AnalyzeSelf(NodeContext context)
    {
        var attribute = (ExprAttribute)context.Node;
        foreach (var value in context.Model.ValueOf(attribute.Value).Items)
        {
            if (value is RefValue { QualifiedName: var name } && name.StartsWith("builtins.", StringComparison.Ordinal) &&
                Builtins.IsFunction(name["builtins.".Length..]))
            {
                context.ReportHere(Descriptor, $"{name["builtins.".Length..]}.__self__ is the builtins module");
                return;
            }
        }
    }

    private static void AnalyzeAttribute(NodeContext context)
    {
        var attribute = (ExprAttribute)context.Node;
        if (context.Model.ValueOf(attribute.Value).Any(v => v is RefValue { QualifiedName: "builtins" }) &&
            context.Parent is not ExprSubscript)
        {
            context.Report(Descriptor, attribute.Span, Severity.Warning, Confidence.High, "reads the builtins namespace as a dict");
        }
    }
}
