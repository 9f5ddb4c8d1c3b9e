using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics;
using PyGuard.Semantics.Scopes;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Resource;

/// <summary>
/// PG404: functions that call themselves on every path — directly, or through other functions of the
/// file that in turn always call back — so no call of them ever returns.
/// </summary>
public sealed class UnboundedRecursion : Analyzer
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG404", "Recursion without a base case", "{0}",
        RuleCategory.Resource, Severity.Error, Confidence.High, 6.5, [674],
        whatItDoes: "Reports functions in which every path through the body calls the function again before it can return — directly (`def f(n): return f(n - 1)`), through a method on `self`, or mutually through other functions of the same file that themselves always call back. A call under a condition, inside a loop that may not run, or on one side of `and`/`or`/`if-else` is not a call on every path, and a `return`, a `raise`, an `assert` that can fail or a call that ends the process before it is a base case. `self.method()` is followed in classes without decorators or with ones that keep the methods as written (`@dataclass`, `@total_ordering`).",
        why: "Such a function never returns: it recurses until the interpreter's recursion limit raises `RecursionError` — or, if the code raised the limit with `sys.setrecursionlimit`, until the C stack overflows and the interpreter crashes.",
        example: "def countdown(n):\n    print(n)\n    countdown(n - 1)",
        instead: "Add the base case that stops the recursion, or write the loop iteratively.",
        safeExample: "from functools import lru_cache\n\n@lru_cache(maxsize=None)\ndef fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.RegisterNodeAction(GatherCall, NodeKind.ExprCall);
        registration.RegisterFileEndAction(Analyze);
    }

    /// <summary>
    /// Every call of the file that may invoke one of its defs, by the def it is made in (the innermost
    /// enclosing one): a graph with every edge of the always-call graph and more, gathered during the walk.
    /// </summary>
    private sealed class MayCallGraph
    {
        public Dictionary<Node, HashSet<Node>> Edges { get; } = [];
    }

    private static void GatherCall(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        var model = context.Model;
        var target = ResolvedTarget(model, call);
        if (target is null && call.Func is not ExprAttribute { Value: ExprName { Id: "self" or "cls" } })
        {
            // Neither a local function nor a method of the caller's class: most calls stop here.
            return;
        }

        var caller = EnclosingDef(call);
        if (caller is null)
        {
            return;
        }

        // The method of the caller's class whatever its decorators: an edge too many only makes the graph larger.
        target ??= MethodTarget(call, model.ScopeOpenedBy(caller)?.Parent?.Node as StmtClassDef);
        if (target is null)
        {
            return;
        }

        var edges = context.FileState<MayCallGraph>().Edges;
        if (!edges.TryGetValue(caller, out var targets))
        {
            targets = [];
            edges[caller] = targets;
        }

        targets.Add(target);
    }

    /// <summary>The innermost def around <paramref name="node"/> (lambdas and classes are looked through), or null at module level.</summary>
    private static Node? EnclosingDef(Node node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current is StmtFunctionDef or StmtAsyncFunctionDef)
            {
                return current;
            }
        }

        return null;
    }

    private static void Analyze(FileContext context)
    {
        var model = context.Model;
        var functions = FunctionsOf(model);
        if (functions.Count == 0)
        {
            // No def to recurse: the marking walk below would be wasted.
            return;
        }

        // Every call certain to happen is among the calls that may happen, so a function in no cycle of the
        // may-call graph is in none of the graphs below. Most files stop here, without a second look at their code.
        var may = context.FileState<MayCallGraph>().Edges;
        if (!functions.Any(f => may.ContainsKey(f.Function) && FindCycle(f.Function, may) is not null))
        {
            return;
        }

        // Then without the walk that marks where control may leave (exits, returns, raises): taking no
        // statement for a base case, each function is certain to call at least the functions it really
        // is, so when this larger graph has no cycle the real one has none.
        var always = AlwaysCallGraph(model, functions, []);
        if (!functions.Any(f => always.ContainsKey(f.Function) && FindCycle(f.Function, always) is not null))
        {
            return;
        }

        always = AlwaysCallGraph(model, functions, LeaveMarker.Mark(model));
        foreach (var (function, _, _) in functions)
        {
            var cycle = always.ContainsKey(function) ? FindCycle(function, always) : null;
            if (cycle is null)
            {
                continue;
            }

            var name = NameOf(function);
            var message = cycle.Count == 1
                ? $"{name}() calls itself on every path, so it never returns"
                : $"{name}() always calls {string.Join(" -> ", cycle.Skip(1).Select(NameOf).Select(n => n + "()"))}, which always calls {name}() again";
            context.Report(Descriptor, function.Span, null, null, message);
        }
    }

    /// <summary>
    /// For each function, the functions of this file it calls on every path before it can return. Most
    /// functions call no local function on every path; only those that do are kept and searched.
    /// </summary>
    private static Dictionary<Node, HashSet<Node>> AlwaysCallGraph(SemanticModel model, List<(Node Function, ImmutableArray<Stmt> Body, StmtClassDef? Owner)> functions, bool[] mayLeave)
    {
        var always = new Dictionary<Node, HashSet<Node>>();
        var calls = new HashSet<Node>();
        var paths = new PathAnalysis(model, mayLeave);
        foreach (var (function, body, owner) in functions)
        {
            paths.AlwaysCalls(body, owner, calls);
            if (calls.Count > 0)
            {
                always[function] = calls;
                calls = [];
            }
        }

        return always;
    }

    /// <summary>The path of always-calls from <paramref name="start"/> back to itself, or null.</summary>
    private static List<Node>? FindCycle(Node start, Dictionary<Node, HashSet<Node>> always)
    {
        var path = new List<Node> { start };
        var visited = new HashSet<Node>();
        return Search(start) ? path : null;

        bool Search(Node current)
        {
            foreach (var next in always.GetValueOrDefault(current) ?? [])
            {
                if (ReferenceEquals(next, start))
                {
                    return true;
                }

                if (visited.Add(next))
                {
                    path.Add(next);
                    if (Search(next))
                    {
                        return true;
                    }

                    path.RemoveAt(path.Count - 1);
                }
            }

            return false;
        }
    }

    private static string NameOf(Node function) => function switch
    {
        StmtFunctionDef f => f.Name,
        StmtAsyncFunctionDef f => f.Name,
        _ => "<function>",
    };

    /// <summary>The def of this file the model resolves the callee of <paramref name="call"/> to, as its only value.</summary>
    private static Node? ResolvedTarget(SemanticModel model, ExprCall call)
    {
        var value = model.ValueOf(call.Func);
        return !value.MayBeOther && value.Items.Length == 1 && value.Items[0] is FunctionValue f && f.Definition is StmtFunctionDef or StmtAsyncFunctionDef
            ? f.Definition
            : null;
    }

    /// <summary>For <c>self.name(...)</c> or <c>cls.name(...)</c>, the def of that name in <paramref name="owner"/>'s body.</summary>
    private static Node? MethodTarget(ExprCall call, StmtClassDef? owner)
    {
        if (owner is not null && call.Func is ExprAttribute { Value: ExprName { Id: "self" or "cls" }, Attr: var method })
        {
            foreach (var statement in owner.Body)
            {
                if (statement is StmtFunctionDef d && d.Name == method || statement is StmtAsyncFunctionDef a && a.Name == method)
                {
                    return statement;
                }
            }
        }

        return null;
    }

    /// <summary>Class decorators that return the class itself, its methods unchanged.</summary>
    private static readonly FrozenSet<string> MethodPreservingDecorators = FrozenSet.ToFrozenSet(
        ["dataclasses.dataclass", "functools.total_ordering", "typing.final", "typing_extensions.final", "typing.runtime_checkable",
         "typing_extensions.runtime_checkable", "enum.unique", "enum.verify"],
        StringComparer.Ordinal);

    /// <summary>
    /// Every def in the file in source order, with its body and the class it is a method of (if any), read
    /// from the model's scopes rather than by another walk of the tree. A generator is left out: its body
    /// runs only when it is iterated, and calling it returns at once.
    /// </summary>
    private static List<(Node Function, ImmutableArray<Stmt> Body, StmtClassDef? Owner)> FunctionsOf(SemanticModel model)
    {
        var found = new List<(Node, ImmutableArray<Stmt>, StmtClassDef?)>();
        var pending = new Stack<Scope>();
        pending.Push(model.ModuleScope);
        while (pending.Count > 0)
        {
            var scope = pending.Pop();
            var owner = scope.Parent?.Node as StmtClassDef;
            switch (scope.Node)
            {
                case StmtFunctionDef def when !scope.IsGenerator:
                    found.Add((def, def.Body, owner));
                    break;
                case StmtAsyncFunctionDef def:
                    found.Add((def, def.Body, owner));
                    break;
            }

            for (var i = scope.Children.Count - 1; i >= 0; i--)
            {
                pending.Push(scope.Children[i]);
            }
        }

        return found;
    }

    /// <summary>
    /// Marks, in one walk of the file, every node under which a return, raise or exit call belongs to the
    /// same function (one inside a nested def, lambda or class belongs to that one instead). Asking each
    /// compound statement separately walked nested blocks once per level.
    /// </summary>
    private sealed class LeaveMarker : NodeWalker
    {
        private readonly SemanticModel _model;
        private readonly bool[] _marked;

        private LeaveMarker(SemanticModel model)
        {
            _model = model;
            _marked = new bool[model.Tree.NodeCount];
        }

        public static bool[] Mark(SemanticModel model)
        {
            var marker = new LeaveMarker(model);
            marker.Visit(model.Tree.Root);
            return marker._marked;
        }

        public override void VisitStmtReturn(StmtReturn node)
        {
            MarkUp(node);
            base.VisitStmtReturn(node);
        }

        public override void VisitStmtRaise(StmtRaise node)
        {
            MarkUp(node);
            base.VisitStmtRaise(node);
        }

        public override void VisitStmtAssert(StmtAssert node)
        {
            // A failing assert raises: `assert n > 0` before the recursive call is a base case (one that
            // python -O strips, but the rule is about code that can never return). One that cannot fail is not.
            if (_model.ValueOf(node.Test).Truthiness() != true)
            {
                MarkUp(node);
            }

            base.VisitStmtAssert(node);
        }

        public override void VisitExprCall(ExprCall node)
        {
            // By name as written (a method called exit on anything may end the run: the rule stays quiet), or by
            // what the model resolves the callee to (sys.exit imported under another name, os.abort).
            if (node.Func is ExprName { Id: "exit" or "quit" } || node.Func is ExprAttribute { Attr: "exit" or "_exit" } ||
                _model.CalleeIn(node, LoopExits.ExitCalls) is not null)
            {
                MarkUp(node);
            }

            base.VisitExprCall(node);
        }

        private void MarkUp(Node leave)
        {
            for (Node? node = leave; node is not null and not (StmtFunctionDef or StmtAsyncFunctionDef or ExprLambda or StmtClassDef); node = node.Parent)
            {
                if ((uint)node.Index >= (uint)_marked.Length || _marked[node.Index])
                {
                    // The rest of the way up was marked by an earlier leave.
                    return;
                }

                _marked[node.Index] = true;
            }
        }
    }

    /// <summary>Which local functions a block is certain to call before control can leave it.</summary>
    private sealed class PathAnalysis(SemanticModel model, bool[] mayLeave)
    {
        // The class whose methods self.name() calls, for the function being analysed.
        private StmtClassDef? _owner;

        // Sets for the branches of an if, reused: one function has many ifs, a file many functions.
        private readonly Stack<HashSet<Node>> _spareSets = new();

        /// <summary>Adds the calls the function body is certain to make before it can return.</summary>
        public void AlwaysCalls(ImmutableArray<Stmt> body, StmtClassDef? owner, HashSet<Node> calls)
        {
            _owner = owner;
            AlwaysCalls(body, calls);
        }

        /// <summary>Adds the calls certain to happen in the block; returns true when control cannot fall through it.</summary>
        private bool AlwaysCalls(ImmutableArray<Stmt> block, HashSet<Node> calls)
        {
            foreach (var statement in block)
            {
                if (Statement(statement, calls))
                {
                    return true;
                }

                if (MayLeave(statement))
                {
                    // A base case: past this statement, nothing is certain any more.
                    return false;
                }
            }

            return false;
        }

        /// <summary>Whether some path through a compound statement returns, raises or breaks out.</summary>
        private bool MayLeave(Stmt statement) =>
            statement is not (StmtExpr or StmtAssign or StmtAugAssign or StmtAnnAssign or StmtPass or StmtImport or StmtImportFrom) &&
            (uint)statement.Index < (uint)mayLeave.Length && mayLeave[statement.Index];

        /// <summary>Returns true when the statement always leaves the block (return, raise, break, continue).</summary>
        private bool Statement(Stmt statement, HashSet<Node> calls)
        {
            switch (statement)
            {
                case StmtReturn r:
                    if (r.Value is not null)
                    {
                        Certain(r.Value, calls);
                    }

                    return true;
                case StmtRaise or StmtBreak or StmtContinue:
                    return true;
                case StmtExpr e:
                    Certain(e.Value, calls);
                    return false;
                case StmtAssign a:
                    Certain(a.Value, calls);
                    return false;
                case StmtAugAssign a:
                    Certain(a.Value, calls);
                    return false;
                case StmtAnnAssign { Value: { } value }:
                    Certain(value, calls);
                    return false;
                case StmtIf i:
                {
                    Certain(i.Test, calls);
                    var inBody = RentSet();
                    var inElse = RentSet();
                    var bodyLeaves = AlwaysCalls(i.Body, inBody);
                    var elseLeaves = AlwaysCalls(i.Orelse, inElse);
                    if (inBody.Count != 0 && inElse.Count != 0)
                    {
                        inBody.IntersectWith(inElse);
                        calls.UnionWith(inBody);
                    }

                    ReturnSet(inBody);
                    ReturnSet(inElse);
                    return bodyLeaves && elseLeaves && !i.Orelse.IsEmpty;
                }

                case StmtWhile w:
                    Certain(w.Test, calls);
                    return false;
                case StmtFor f:
                    Certain(f.Iter, calls);
                    return false;
                case StmtAsyncFor f:
                    Certain(f.Iter, calls);
                    return false;
                case StmtWith w:
                    foreach (var item in w.Items)
                    {
                        Certain(item.ContextExpr, calls);
                    }

                    return AlwaysCalls(w.Body, calls);
                case StmtAsyncWith w:
                    foreach (var item in w.Items)
                    {
                        Certain(item.ContextExpr, calls);
                    }

                    return AlwaysCalls(w.Body, calls);
                case StmtTry t:
                    // Only what the try body does before anything can raise is certain: take its first statements.
                    return t.Handlers.IsEmpty && AlwaysCalls(t.Body, calls);
                default:
                    return false;
            }
        }

        private HashSet<Node> RentSet() => _spareSets.TryPop(out var set) ? set : [];

        private void ReturnSet(HashSet<Node> set)
        {
            set.Clear();
            _spareSets.Push(set);
        }

        /// <summary>Calls that evaluating the expression always makes (not under and/or/if-else, lambdas or comprehensions).</summary>
        private void Certain(Expr expr, HashSet<Node> calls)
        {
            switch (expr)
            {
                case ExprCall call:
                    if (Target(call) is { } target)
                    {
                        calls.Add(target);
                    }

                    Certain(call.Func, calls);
                    foreach (var arg in call.Args)
                    {
                        Certain(arg is ExprStarred s ? s.Value : arg, calls);
                    }

                    foreach (var keyword in call.Keywords)
                    {
                        Certain(keyword.Value, calls);
                    }

                    break;
                case ExprBoolOp b:
                    Certain(b.Values[0], calls);
                    break;
                case ExprIfExp i:
                    Certain(i.Test, calls);
                    break;
                case ExprLambda or ExprListComp or ExprSetComp or ExprDictComp or ExprGeneratorExp:
                    break;
                case ExprBinOp b:
                    Certain(b.Left, calls);
                    Certain(b.Right, calls);
                    break;
                case ExprUnaryOp u:
                    Certain(u.Operand, calls);
                    break;
                case ExprCompare c:
                    Certain(c.Left, calls);
                    if (c.Comparators.Length > 0)
                    {
                        Certain(c.Comparators[0], calls);
                    }

                    break;
                case ExprAwait a:
                    Certain(a.Value, calls);
                    break;
                case ExprAttribute a:
                    Certain(a.Value, calls);
                    break;
                case ExprSubscript s:
                    Certain(s.Value, calls);
                    Certain(s.Slice, calls);
                    break;
                case ExprTuple t:
                    foreach (var e in t.Elts)
                    {
                        Certain(e, calls);
                    }

                    break;
                case ExprList l:
                    foreach (var e in l.Elts)
                    {
                        Certain(e, calls);
                    }

                    break;
                case ExprJoinedStr j:
                    foreach (var e in j.Values)
                    {
                        Certain(e, calls);
                    }

                    break;
                case ExprFormattedValue f:
                    Certain(f.Value, calls);
                    break;
            }
        }

        /// <summary>The local function a call certainly invokes: resolved by the model, or <c>self.method</c> of the same class.</summary>
        private Node? Target(ExprCall call) =>
            ResolvedTarget(model, call) ?? (_owner is { } owner && MethodTarget(call, owner) is { } method && KeepsMethods(owner) ? method : null);

        /// <summary>
        /// Whether the class's own methods are what <c>self.name()</c> calls: it has no decorator, or only
        /// decorators known to return the class with its methods as written (<c>@dataclass</c>, ...).
        /// Any other decorator may replace the class or wrap its methods.
        /// </summary>
        private bool KeepsMethods(StmtClassDef owner)
        {
            foreach (var decorator in owner.DecoratorList)
            {
                // @dataclass or @dataclass(frozen=True): what the decorator expression is, or what it calls.
                var value = model.ValueOf(decorator is ExprCall configured ? configured.Func : decorator);
                if (value.MayBeOther || value.Items.IsEmpty ||
                    !value.Items.All(v => v is RefValue r && MethodPreservingDecorators.Contains(r.QualifiedName)))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
