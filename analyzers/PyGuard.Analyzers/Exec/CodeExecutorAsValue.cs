using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;

namespace PyGuard.Analyzers.Exec;

/// <summary>
/// PG202: <c>eval</c>, <c>exec</c> or <c>compile</c> handed to other code as a value — <c>map(eval, xs)</c>,
/// a list of functions, a default argument — where the call that runs it is not in the file.
/// </summary>
public sealed class CodeExecutorAsValue : Analyzer
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG202", "Code-execution builtin passed as a value", "'{0}' is passed on as a value; whatever calls it executes code",
        RuleCategory.Exec, Severity.Error, Confidence.High, 8.5, [95],
        whatItDoes: "Reports `eval`, `exec` and `compile` (however reached) used as a value rather than called: passed as an argument (`map(eval, lines)`), put in a container, returned, or used as a default.",
        why: "Whoever receives the function will execute strings with it, out of sight of the call site. It is a common way to hide dynamic execution from rules that only look at direct calls.",
        example: "results = list(map(eval, lines))",
        instead: "Use `ast.literal_eval` for literals or parse the input explicitly.",
        safeExample: "import ast\nresults = [ast.literal_eval(line) for line in lines]");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    // Registered on the nodes that hand a child on rather than on every name, attribute, subscript and
    // call: those are about half of all nodes, and almost none is handed on.
    public override void Initialize(AnalysisRegistration registration)
    {
        registration.RegisterNodeAction(Analyze, HandedOnValues.Parents);

        // Only an expression whose value is eval, exec or compile is reported, and most files hold none.
        registration.RunNodeActionsOnlyIf(file => file.Model.MayHoldReferenceTo(DynamicCodeExecution.CodeExecutors));
    }

    private static void Analyze(NodeContext context)
    {
        foreach (var (expr, name) in HandedOnValues.References(context, DynamicCodeExecution.CodeExecutors))
        {
            context.Report(Descriptor, expr.Span, null, null, name["builtins.".Length..]);
        }
    }
}
