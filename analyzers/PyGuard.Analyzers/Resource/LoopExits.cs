using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Semantics;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Resource;

/// <summary>
/// How a loop can end besides its condition: a <c>break</c> of this loop, a <c>return</c>, a <c>raise</c>,
/// or a call that ends the process. Exits inside nested functions and classes do not count, and a
/// <c>break</c> inside a nested loop ends only that loop.
/// </summary>
internal static class LoopExits
{
    /// <summary>Functions that end the process (or the thread) when called.</summary>
    public static readonly FrozenSet<string> ExitCalls = FrozenSet.ToFrozenSet(
    [
        "sys.exit", "os._exit", "os.abort", "builtins.exit", "builtins.quit", "os.kill", "os.killpg",
        "signal.raise_signal", "_thread.exit", "threading._shutdown",
    ], StringComparer.Ordinal);

    public sealed record Summary(bool CanExit, bool Yields);

    public static Summary Analyze(SemanticModel model, ImmutableArray<Stmt> body)
    {
        var walker = new Walker(model);
        foreach (var statement in body)
        {
            walker.Visit(statement);
        }

        return new Summary(walker.CanExit, walker.Yields);
    }

    private sealed class Walker(SemanticModel model) : NodeWalker
    {
        private int _nestedLoops;

        public bool CanExit { get; private set; }

        public bool Yields { get; private set; }

        public override void Visit(Node node)
        {
            if (!CanExit)
            {
                base.Visit(node);
            }
        }

        public override void VisitStmtBreak(StmtBreak node) => CanExit |= _nestedLoops == 0;

        public override void VisitStmtReturn(StmtReturn node) => CanExit = true;

        public override void VisitStmtRaise(StmtRaise node) => CanExit = true;

        public override void VisitExprYield(ExprYield node)
        {
            Yields = true;
            base.VisitExprYield(node);
        }

        public override void VisitExprYieldFrom(ExprYieldFrom node)
        {
            Yields = true;
            base.VisitExprYieldFrom(node);
        }

        public override void VisitExprAwait(ExprAwait node)
        {
            // An awaited coroutine can be cancelled; an async loop with await is a task, not a hang of the interpreter.
            Yields = true;
            base.VisitExprAwait(node);
        }

        public override void VisitExprCall(ExprCall node)
        {
            if (model.CalleeIn(node, ExitCalls) is not null)
            {
                CanExit = true;
            }

            base.VisitExprCall(node);
        }

        public override void VisitStmtWhile(StmtWhile node) => VisitNestedLoop(node);

        public override void VisitStmtFor(StmtFor node) => VisitNestedLoop(node);

        public override void VisitStmtAsyncFor(StmtAsyncFor node) => VisitNestedLoop(node);

        private void VisitNestedLoop(Node node)
        {
            _nestedLoops++;
            node.VisitChildren(this);
            _nestedLoops--;
        }

        public override void VisitStmtFunctionDef(StmtFunctionDef node)
        {
        }

        public override void VisitStmtAsyncFunctionDef(StmtAsyncFunctionDef node)
        {
        }

        public override void VisitStmtClassDef(StmtClassDef node)
        {
        }

        public override void VisitExprLambda(ExprLambda node)
        {
        }
    }
}
