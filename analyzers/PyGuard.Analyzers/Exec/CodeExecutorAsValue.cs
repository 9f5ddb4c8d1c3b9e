using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

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

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterNodeAction(Analyze, NodeKind.ExprName, NodeKind.ExprAttribute, NodeKind.ExprSubscript, NodeKind.ExprCall);

    private static void Analyze(NodeContext context)
    {
        var expr = (Expr)context.Node;
        if (expr is ExprName { Ctx: not ExprContext.Load } or ExprAttribute { Ctx: not ExprContext.Load } or ExprSubscript { Ctx: not ExprContext.Load })
        {
            return;
        }

        if (!IsHandedOn(expr, context.Parent))
        {
            return;
        }

        RefValue? executor = null;
        foreach (var item in context.Model.ValueOf(expr).Items)
        {
            if (item is RefValue r && DynamicCodeExecution.CodeExecutors.Contains(r.QualifiedName))
            {
                executor = r;
                break;
            }
        }

        if (executor is null)
        {
            return;
        }

        context.ReportHere(Descriptor, executor.QualifiedName["builtins.".Length..]);
    }

    /// <summary>Whether the parent passes the value on, rather than calling it, assigning it or reading it further.</summary>
    private static bool IsHandedOn(Expr expr, Node? parent) => parent switch
    {
        ExprCall call => !ReferenceEquals(call.Func, expr),
        Keyword => true,
        ExprList or ExprTuple or ExprSet or ExprDict or ExprStarred => true,
        StmtReturn or ExprLambda or ExprYield or ExprYieldFrom => true,
        Arguments => true,
        _ => false,
    };
}
