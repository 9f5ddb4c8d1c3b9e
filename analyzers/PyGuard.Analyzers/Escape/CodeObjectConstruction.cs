using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Escape;

/// <summary>PG306: code and function objects built by hand — bytecode written without source.</summary>
public sealed class CodeObjectConstruction : Analyzer
{
    private static readonly FrozenSet<string> Constructors = FrozenSet.ToFrozenSet(
    [
        "types.CodeType", "types.FunctionType", "types.LambdaType", "types.CodeType.replace",
        "types.FunctionType.__new__", "types.CodeType.__new__",
    ], StringComparer.Ordinal);

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG306", "Code object construction", "{0} builds executable code without source",
        RuleCategory.Escape, Severity.Error, Confidence.High, 9.0, [94],
        whatItDoes: "Reports `types.CodeType(...)`, `types.FunctionType(...)`, the same classes reached as `type(f)` or `type(f.__code__)`, and `code.replace(...)` on code objects.",
        why: "A hand-built code object is bytecode that no source shows and no scanner reads; with `FunctionType` it becomes a callable that can do anything, including crash the interpreter with invalid bytecode.",
        example: "f = type(lambda: 0)(code_from_bytes, globals())\nf()",
        instead: "Write the function in source.");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterCallAction(Analyze, Constructors);

    private static void Analyze(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        if (context.Model.CalleeIn(call, Constructors) is { } constructor)
        {
            context.ReportHere(Descriptor, constructor);
        }
    }
}
