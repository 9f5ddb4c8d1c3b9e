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

    // Registered on the nodes that hand a child on rather than on every name, attribute, subscript and
    // call: those are about half of all nodes, and almost none is handed on.
    public override void Initialize(AnalysisRegistration registration)
    {
        registration.RegisterNodeAction(Analyze, NodeKind.ExprCall, NodeKind.Keyword, NodeKind.ExprList, NodeKind.ExprTuple,
            NodeKind.ExprSet, NodeKind.ExprDict, NodeKind.ExprStarred, NodeKind.StmtReturn, NodeKind.ExprLambda, NodeKind.ExprYield,
            NodeKind.ExprYieldFrom, NodeKind.Arguments);

        // Only an expression whose value is eval, exec or compile is reported, and most files hold none.
        registration.RunNodeActionsOnlyIf(file => file.Model.MayHoldReferenceTo(DynamicCodeExecution.CodeExecutors));
    }

    private static void Analyze(NodeContext context)
    {
        var parent = context.Node;
        var children = context.FileState<DirectChildren>().Of(parent);
        foreach (var child in children)
        {
            var passable = child is ExprName { Ctx: ExprContext.Load } or ExprAttribute { Ctx: ExprContext.Load } or ExprSubscript { Ctx: ExprContext.Load } or ExprCall;

            // A call's callee is called, not handed on: that is PG201's case.
            if (passable && !(parent is ExprCall call && ReferenceEquals(call.Func, child)))
            {
                ReportExecutor(context, (Expr)child);
            }
        }
    }

    private static void ReportExecutor(NodeContext context, Expr expr)
    {
        foreach (var item in context.Model.ValueOf(expr).Items)
        {
            if (item is RefValue r && DynamicCodeExecution.CodeExecutors.Contains(r.QualifiedName))
            {
                context.Report(Descriptor, expr.Span, null, null, r.QualifiedName["builtins.".Length..]);
                return;
            }
        }
    }

    /// <summary>The children of one node, as the walk visits them; one list per file, refilled for each node.</summary>
    private sealed class DirectChildren : NodeVisitor
    {
        private readonly List<Node> _children = [];

        public List<Node> Of(Node parent)
        {
            _children.Clear();
            parent.VisitChildren(this);
            return _children;
        }

        public override void Visit(Node node) => _children.Add(node);
    }
}
