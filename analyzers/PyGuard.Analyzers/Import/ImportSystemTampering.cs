using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Import;

/// <summary>
/// PG107: changing what imports and builtins resolve to — writing <c>sys.modules</c>, installing import
/// hooks, patching <c>builtins</c> — the moves that make later, innocent-looking code do something else.
/// </summary>
public sealed class ImportSystemTampering : Analyzer
{
    private static readonly FrozenSet<string> Registries = FrozenSet.ToFrozenSet(
        ["sys.modules", "sys.meta_path", "sys.path_hooks", "sys.path_importer_cache", "builtins"], StringComparer.Ordinal);

    /// <summary>The functions that set or delete an attribute of the object they are given.</summary>
    private static readonly FrozenSet<string> AttributeSetters = FrozenSet.ToFrozenSet(["builtins.setattr", "builtins.delattr"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> MutatingMethods = FrozenSet.ToFrozenSet(
        ["__setitem__", "__delitem__", "update", "setdefault", "pop", "popitem", "clear", "insert", "append", "extend", "remove"],
        StringComparer.Ordinal);

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG107", "Tampering with imports or builtins", "{0}",
        RuleCategory.Import, Severity.Error, Confidence.High, 8.0, [913, 470],
        whatItDoes: "Reports writes to `sys.modules`, `sys.meta_path`, `sys.path_hooks` and `sys.path_importer_cache`, and patching of the builtins (`builtins.open = ...`, `setattr(builtins, ...)`, `__builtins__['print'] = ...`). Adding to `sys.path` is reported as a note.",
        why: "After such a write, `import json` or a call of `print` runs whatever the snippet installed. It defeats every check that trusts names, and it persists for all code in the process.",
        example: "import sys, types\nfake = types.ModuleType('json')\nfake.loads = lambda s: __import__('os').system(s)\nsys.modules['json'] = fake",
        instead: "Import what you need and call it; do not replace modules or builtins at run time.");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.RegisterNodeAction(AnalyzeTargets, NodeKind.StmtAssign, NodeKind.StmtAugAssign, NodeKind.StmtDelete, NodeKind.StmtAnnAssign);
        registration.RegisterAttributeAction(AnalyzeMethodCall, MutatingMethods);
        registration.RegisterCallAction(AnalyzeReflectiveCall, AttributeSetters);
    }

    private static void AnalyzeTargets(NodeContext context)
    {
        switch (context.Node)
        {
            case StmtAssign a:
                foreach (var target in a.Targets)
                {
                    CheckTarget(context, target);
                }

                break;
            case StmtDelete d:
                foreach (var target in d.Targets)
                {
                    CheckTarget(context, target);
                }

                break;
            case StmtAugAssign a:
                CheckTarget(context, a.Target);
                break;
            case StmtAnnAssign a:
                CheckTarget(context, a.Target);
                break;
        }
    }

    private static void CheckTarget(NodeContext context, Expr target)
    {
        var container = target switch
        {
            ExprSubscript s => s.Value,
            ExprAttribute a => a.Value,
            _ => null,
        };
        if (container is not null && Registry(context.Model, container) is { } registry)
        {
            context.Report(Descriptor, target, $"writes to {registry}");
        }
    }

    /// <summary><c>registry.method(...)</c> with a method that changes a mapping or list in place.</summary>
    private static void AnalyzeMethodCall(NodeContext context)
    {
        if (context.MethodCall() is not { } call)
        {
            return;
        }

        var model = context.Model;
        var attribute = (ExprAttribute)context.Node;
        var method = attribute.Attr;
        if (Registry(model, attribute.Value) is { } registry)
        {
            context.Report(Descriptor, call, $"{registry}.{method}(...) changes what imports resolve to");
        }
        else if (model.MayBe(attribute.Value, "sys.path") && method is "insert" or "append" or "extend")
        {
            context.Report(Descriptor, call.Span, Severity.Note, Confidence.Medium, $"sys.path.{method}(...) lets later imports load code from other directories");
        }
    }

    /// <summary><c>setattr(registry, ...)</c> or <c>delattr(registry, ...)</c>.</summary>
    private static void AnalyzeReflectiveCall(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        if (call.Func is ExprAttribute { Attr: var method } && MutatingMethods.Contains(method))
        {
            // registry.update = setattr would be judged as the method call it is written as.
            return;
        }

        var model = context.Model;
        var callee = model.CalleeIn(call, AttributeSetters);
        if (callee is not null && call.Argument(0) is { } owner && Registry(model, owner) is { } patched)
        {
            context.Report(Descriptor, call, $"{callee["builtins.".Length..]} on {patched}");
        }
    }

    private static string? Registry(SemanticModel model, Expr container)
    {
        foreach (var item in model.ValueOf(container).Items)
        {
            switch (item)
            {
                case RefValue r when Registries.Contains(r.QualifiedName):
                    return r.QualifiedName;
                case NamespaceValue { ModuleName: "builtins" }:
                    return "the builtins namespace";
            }
        }

        return null;
    }
}
