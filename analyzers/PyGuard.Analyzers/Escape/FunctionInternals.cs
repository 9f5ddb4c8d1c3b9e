using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Escape;

/// <summary>PG302: a function's globals, builtins, code or closure read or replaced.</summary>
public sealed class FunctionInternals : Analyzer
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG302", "Function internals accessed", "{0}",
        RuleCategory.Escape, Severity.Error, Confidence.High, 9.0, [94, 693],
        whatItDoes: "Reports reads of `__globals__`, `__builtins__` (as an attribute), `__code__` and `__closure__`, and writes to `__code__`, `__defaults__` and `__kwdefaults__`, on any object. Reads of `__defaults__` are notes.",
        why: "`f.__globals__` is the dictionary of the module that defined `f`: from any function of any library it reaches that module's imports (`os`, `sys`, `subprocess`) and its builtins. `__code__` lets code be swapped under a trusted name. These attributes are the second step of most escapes, after finding a function to start from.",
        example: "os_mod = some_library_function.__globals__['os']\nos_mod.system('id')",
        instead: "Import the modules you need by name and call functions normally.",
        safeExample: "print(func.__name__, func.__doc__)");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterAttributeAction(Analyze, DunderNames.FunctionInternals);

    private static void Analyze(NodeContext context)
    {
        var attribute = (ExprAttribute)context.Node;
        var writing = attribute.Ctx != ExprContext.Load;
        switch (attribute.Attr)
        {
            case "__defaults__" or "__kwdefaults__" when !writing:
                context.Report(Descriptor, attribute.Span, Severity.Note, Confidence.Medium, $"reads {attribute.Attr}");
                break;
            case "__defaults__" or "__kwdefaults__" or "__code__" when writing:
                context.ReportHere(Descriptor, $"replaces {attribute.Attr}, changing what a function does under its old name");
                break;
            case "__closure__":
                context.Report(Descriptor, attribute.Span, Severity.Error, Confidence.Medium, "reads __closure__, the variables captured by another function");
                break;
            default:
                context.ReportHere(Descriptor, $"reads {attribute.Attr}, which reaches another module's namespace or code");
                break;
        }
    }
}
