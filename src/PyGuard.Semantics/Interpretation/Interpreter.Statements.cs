using System.Collections.Immutable;
using PyGuard.Semantics.Knowledge;
using PyGuard.Semantics.Scopes;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Semantics.Interpretation;

internal sealed partial class Interpreter
{
    private void ExecBlock(ImmutableArray<Stmt> body, Frame frame)
    {
        foreach (var statement in body)
        {
            if (!frame.Env.Reachable)
            {
                // Code after return/raise/break never runs, but rules still read its values.
                ExecDetached(statement, frame);
                continue;
            }

            Exec(statement, frame);
        }
    }

    /// <summary>Interprets code that cannot run (dead branches, code after return) without affecting the live state.</summary>
    private void ExecDetached(Stmt statement, Frame frame)
    {
        var saved = frame.Env;
        frame.Env = saved.Clone();
        frame.Env.Reachable = true;
        var savedReturns = frame.Returns;
        Exec(statement, frame);
        frame.Env = saved;
        frame.Returns = savedReturns;
    }

    private void ExecBlockDetached(ImmutableArray<Stmt> body, Frame frame)
    {
        foreach (var statement in body)
        {
            ExecDetached(statement, frame);
        }
    }

    private void Exec(Stmt statement, Frame frame)
    {
        if (!Step() || !EnsureStack())
        {
            return;
        }

        switch (statement)
        {
            case StmtExpr s:
                Eval(s.Value, frame);
                break;
            case StmtAssign s:
            {
                var value = Eval(s.Value, frame);
                foreach (var target in s.Targets)
                {
                    Bind(target, value, frame);
                }

                break;
            }

            case StmtAugAssign s:
            {
                var current = Eval(AsLoad(s.Target), frame, record: false);
                var operand = Eval(s.Value, frame);
                var result = Combine(current, operand, new OperatorFold(s.Op), PathFallback(s.Op));
                Bind(s.Target, result, frame);
                break;
            }

            case StmtAnnAssign s:
                Eval(s.Annotation, frame);
                if (s.Value is not null)
                {
                    Bind(s.Target, Eval(s.Value, frame), frame);
                }

                break;
            case StmtIf s:
                ExecIf(s, frame);
                break;
            case StmtWhile s:
                ExecWhile(s, frame);
                break;
            case StmtFor s:
                ExecFor(s, s.Target, s.Iter, s.Body, s.Orelse, frame);
                break;
            case StmtAsyncFor s:
                ExecFor(s, s.Target, s.Iter, s.Body, s.Orelse, frame);
                break;
            case StmtWith s:
                ExecWith(s.Items, s.Body, frame);
                break;
            case StmtAsyncWith s:
                ExecWith(s.Items, s.Body, frame);
                break;
            case StmtTry s:
                ExecTry(s.Body, s.Handlers, s.Orelse, s.Finalbody, frame);
                break;
            case StmtTryStar s:
                ExecTry(s.Body, s.Handlers, s.Orelse, s.Finalbody, frame);
                break;
            case StmtMatch s:
                ExecMatch(s, frame);
                break;
            case StmtReturn s:
                frame.Returns = frame.Returns.Union(s.Value is null ? ValueSet.Of(PyNone.Instance) : Eval(s.Value, frame));
                frame.Env.Reachable = false;
                break;
            case StmtRaise s:
                if (s.Exc is not null)
                {
                    Eval(s.Exc, frame);
                }

                if (s.Cause is not null)
                {
                    Eval(s.Cause, frame);
                }

                frame.Env.Reachable = false;
                break;
            case StmtBreak:
                if (frame.Loops.TryPeek(out var breakLoop))
                {
                    breakLoop.Breaks.Add(frame.Env.Clone());
                }

                frame.Env.Reachable = false;
                break;
            case StmtContinue:
                if (frame.Loops.TryPeek(out var continueLoop))
                {
                    continueLoop.Continues.Add(frame.Env.Clone());
                }

                frame.Env.Reachable = false;
                break;
            case StmtDelete s:
                foreach (var target in s.Targets)
                {
                    if (target is ExprName name && frame.Scope.Resolve(name.Id) == frame.Scope)
                    {
                        frame.Env.Remove(name.Id);
                    }
                    else
                    {
                        Eval(AsLoad(target), frame, record: false);
                    }
                }

                break;
            case StmtAssert s:
                Eval(s.Test, frame);
                if (s.Msg is not null)
                {
                    Eval(s.Msg, frame);
                }

                break;
            case StmtImport s:
                foreach (var alias in s.Names)
                {
                    var module = QualifiedNames.CanonicalModule(alias.Name);
                    RecordImport(module, null, alias, ImportKind.Static, computed: false);
                    if (alias.Asname is not null)
                    {
                        BindName(alias.Asname, ValueSet.Ref(module), frame);
                    }
                    else
                    {
                        var top = alias.Name.Split('.')[0];
                        BindName(top, ValueSet.Ref(QualifiedNames.CanonicalModule(top)), frame);
                    }
                }

                break;
            case StmtImportFrom s:
            {
                var module = new string('.', s.Level) + (s.Module ?? string.Empty);
                if (s.Level == 0)
                {
                    module = QualifiedNames.CanonicalModule(module);
                }

                foreach (var alias in s.Names)
                {
                    RecordImport(module, alias.Name == "*" ? null : alias.Name, alias, ImportKind.Static, computed: false);
                    if (alias.Name != "*")
                    {
                        var target = module.EndsWith('.') ? module + alias.Name : QualifiedNames.Member(module, alias.Name);
                        BindName(alias.Asname ?? alias.Name, module.EndsWith('.') ? ValueSet.Ref(target) : MemberOf(target), frame);
                    }
                }

                break;
            }

            case StmtFunctionDef s:
                ExecFunctionDef(s, s.Name, s.Args, s.DecoratorList, s.Returns, frame);
                break;
            case StmtAsyncFunctionDef s:
                ExecFunctionDef(s, s.Name, s.Args, s.DecoratorList, s.Returns, frame);
                break;
            case StmtClassDef s:
                ExecClassDef(s, frame);
                break;
            case StmtTypeAlias s:
                Eval(s.Name, frame, record: false);
                break;
            case StmtGlobal or StmtNonlocal or StmtPass:
                break;
        }
    }

    private static Expr AsLoad(Expr target) => target switch
    {
        ExprName n => new ExprName(n.Id, ExprContext.Load, n.Span),
        ExprAttribute a => new ExprAttribute(a.Value, a.Attr, ExprContext.Load, a.Span),
        ExprSubscript s => new ExprSubscript(s.Value, s.Slice, ExprContext.Load, s.Span),
        _ => target,
    };

    private void ExecIf(StmtIf statement, Frame frame)
    {
        var truth = Eval(statement.Test, frame).Truthiness();
        if (truth == true)
        {
            ExecBlock(statement.Body, frame);
            ExecBlockDetached(statement.Orelse, frame);
            return;
        }

        if (truth == false)
        {
            ExecBlockDetached(statement.Body, frame);
            ExecBlock(statement.Orelse, frame);
            return;
        }

        var before = frame.Env;
        frame.Env = before.Clone();
        ExecBlock(statement.Body, frame);
        var afterBody = frame.Env;

        // Without an else branch the other path leaves the state as it was, which then needs no copy of its own.
        var afterElse = before;
        if (!statement.Orelse.IsEmpty)
        {
            frame.Env = before.Clone();
            ExecBlock(statement.Orelse, frame);
            afterElse = frame.Env;
        }

        frame.Env = Env.Join(afterBody, afterElse, _initial);
    }

    private void ExecWhile(StmtWhile statement, Frame frame)
    {
        var truth = Eval(statement.Test, frame).Truthiness();
        if (truth == false)
        {
            ExecBlockDetached(statement.Body, frame);
            ExecBlock(statement.Orelse, frame);
            return;
        }

        var loop = new LoopState(statement);
        var exit = RunLoopOnce(statement, loop, frame, () =>
        {
            Eval(statement.Test, frame);
            ExecBlock(statement.Body, frame);
        });

        // A loop whose condition is always true is left only by break (or return/raise).
        var normalExit = truth == true ? Env.Unreachable(frame.Scope) : exit;
        frame.Env = normalExit;
        if (normalExit.Reachable)
        {
            ExecBlock(statement.Orelse, frame);
        }
        else
        {
            ExecBlockDetached(statement.Orelse, frame);
        }

        frame.Env = JoinAll(frame.Env, loop.Breaks);
    }

    /// <summary>
    /// Interprets a loop body once, from a head state in which every name the body assigns may already
    /// hold anything — its value before the loop, or whatever an earlier iteration left ("havoc"
    /// widening). This is sound, and linear: a nested loop costs one pass, not a product of fixpoint
    /// iterations. Returns the state after the loop when its condition fails (or its iterator ends).
    /// </summary>
    private Env RunLoopOnce(Node loopNode, LoopState loop, Frame frame, Action runBody)
    {
        var head = frame.Env.Clone();
        foreach (var name in AssignedIn(loopNode))
        {
            if (frame.Scope.Resolve(name) == frame.Scope)
            {
                head.Set(name, (head.TryGet(name, out var known) ? known : Initial(frame.Scope, name)).WithOther());
            }
        }

        frame.Loops.Push(loop);
        _havocLoops++;
        try
        {
            frame.Env = head.Clone();
            runBody();
            var bodyOut = JoinAll(frame.Env, loop.Continues);
            return Env.Join(head, bodyOut, _initial);
        }
        finally
        {
            _havocLoops--;
            frame.Loops.Pop();
        }
    }

    /// <summary>The names a loop statement binds in its own scope (targets, augmented assignments, imports, defs, ...).</summary>
    private string[] AssignedIn(Node loopNode)
    {
        if (!_assignedInLoop.TryGetValue(loopNode, out var names))
        {
            var collector = new BoundNames();
            loopNode.VisitChildren(collector);
            names = [.. collector.Names];
            _assignedInLoop[loopNode] = names;
        }

        return names;
    }

    /// <summary>Names bound by code in the current scope; nested functions, classes and comprehensions bind their own.</summary>
    private sealed class BoundNames : NodeWalker
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public override void VisitExprName(ExprName node)
        {
            if (node.Ctx != ExprContext.Load)
            {
                Names.Add(node.Id);
            }
        }

        public override void VisitExprNamedExpr(ExprNamedExpr node)
        {
            if (node.Target is ExprName target)
            {
                Names.Add(target.Id);
            }

            base.VisitExprNamedExpr(node);
        }

        public override void VisitStmtImport(StmtImport node) =>
            Names.UnionWith(node.Names.Select(a => a.Asname ?? a.Name.Split('.')[0]));

        public override void VisitStmtImportFrom(StmtImportFrom node) =>
            Names.UnionWith(node.Names.Where(a => a.Name != "*").Select(a => a.Asname ?? a.Name));

        public override void VisitExceptHandler(ExceptHandler node)
        {
            if (node.Name is not null)
            {
                Names.Add(node.Name);
            }

            base.VisitExceptHandler(node);
        }

        public override void VisitStmtFunctionDef(StmtFunctionDef node) => Names.Add(node.Name);

        public override void VisitStmtAsyncFunctionDef(StmtAsyncFunctionDef node) => Names.Add(node.Name);

        public override void VisitStmtClassDef(StmtClassDef node) => Names.Add(node.Name);

        public override void VisitExprLambda(ExprLambda node)
        {
        }

        public override void VisitExprListComp(ExprListComp node)
        {
        }

        public override void VisitExprSetComp(ExprSetComp node)
        {
        }

        public override void VisitExprDictComp(ExprDictComp node)
        {
        }

        public override void VisitExprGeneratorExp(ExprGeneratorExp node)
        {
        }

        public override void VisitPatternMatchAs(PatternMatchAs node)
        {
            if (node.Name is not null)
            {
                Names.Add(node.Name);
            }

            base.VisitPatternMatchAs(node);
        }

        public override void VisitPatternMatchStar(PatternMatchStar node)
        {
            if (node.Name is not null)
            {
                Names.Add(node.Name);
            }
        }
    }

    private Env JoinAll(Env start, List<Env> others)
    {
        var result = start;
        foreach (var other in others)
        {
            result = Env.Join(result, other, _initial);
        }

        return result;
    }

    private void ExecFor(Stmt statement, Expr target, Expr iter, ImmutableArray<Stmt> body, ImmutableArray<Stmt> orelse, Frame frame)
    {
        var iterable = Eval(iter, frame);
        var items = _havocLoops == 0 ? Iterate(iterable, MaxUnrolledItems) : null;
        var loop = new LoopState(statement);
        if (items is not null && (long)_unrolledIterations * items.Count <= MaxUnrolledIterations)
        {
            // A small known sequence: run the body once per item, in order, as Python would. Nested
            // unrolled loops multiply, so their product is bounded too.
            var enclosing = _unrolledIterations;
            _unrolledIterations *= Math.Max(1, items.Count);
            frame.Loops.Push(loop);
            try
            {
                foreach (var item in items)
                {
                    if (!frame.Env.Reachable || IncompleteReason is not null)
                    {
                        break;
                    }

                    Bind(target, item, frame);
                    loop.Continues.Clear();
                    ExecBlock(body, frame);
                    frame.Env = JoinAll(frame.Env, loop.Continues);
                }
            }
            finally
            {
                frame.Loops.Pop();
                _unrolledIterations = enclosing;
            }

            if (frame.Env.Reachable)
            {
                ExecBlock(orelse, frame);
            }
            else
            {
                ExecBlockDetached(orelse, frame);
            }

            frame.Env = JoinAll(frame.Env, loop.Breaks);
            return;
        }

        var element = ElementOf(iterable);
        var exit = RunLoopOnce(statement, loop, frame, () =>
        {
            Bind(target, element, frame);
            ExecBlock(body, frame);
        });
        frame.Env = exit;
        ExecBlock(orelse, frame);
        frame.Env = JoinAll(frame.Env, loop.Breaks);
    }

    private void ExecWith(ImmutableArray<WithItem> items, ImmutableArray<Stmt> body, Frame frame)
    {
        foreach (var item in items)
        {
            var value = Eval(item.ContextExpr, frame);
            if (item.OptionalVars is not null)
            {
                Bind(item.OptionalVars, EnterValue(value), frame);
            }
        }

        ExecBlock(body, frame);
    }

    private void ExecTry(ImmutableArray<Stmt> body, ImmutableArray<ExceptHandler> handlers, ImmutableArray<Stmt> orelse, ImmutableArray<Stmt> finalbody, Frame frame)
    {
        var before = frame.Env.Clone();
        ExecBlock(body, frame);
        var afterBody = frame.Env;

        // An exception can leave the body at any point; the state then is at most the union of both ends.
        var atRaise = Env.Join(before, afterBody.Reachable ? afterBody : before, _initial);
        frame.Env = afterBody.Clone();
        ExecBlock(orelse, frame);
        var result = frame.Env;
        foreach (var handler in handlers)
        {
            frame.Env = atRaise.Clone();
            if (handler.Type is not null)
            {
                Eval(handler.Type, frame);
            }

            if (handler.Name is not null)
            {
                BindName(handler.Name, ValueSet.Unknown, frame);
            }

            ExecBlock(handler.Body, frame);
            result = Env.Join(result, frame.Env, _initial);
        }

        if (finalbody.IsEmpty)
        {
            frame.Env = result;
            return;
        }

        var reachable = result.Reachable;
        frame.Env = Env.Join(result, atRaise, _initial);
        ExecBlock(finalbody, frame);
        if (!reachable)
        {
            frame.Env.Reachable = false;
        }
    }

    private void ExecMatch(StmtMatch statement, Frame frame)
    {
        var subject = Eval(statement.Subject, frame);
        var before = frame.Env.Clone();
        var result = before.Clone();
        foreach (var matchCase in statement.Cases)
        {
            frame.Env = before.Clone();
            BindPattern(matchCase.Pattern, subject, frame);
            if (matchCase.Guard is not null)
            {
                Eval(matchCase.Guard, frame);
            }

            ExecBlock(matchCase.Body, frame);
            result = Env.Join(result, frame.Env, _initial);
        }

        frame.Env = result;
    }

    private void BindPattern(Pattern pattern, ValueSet subject, Frame frame)
    {
        switch (pattern)
        {
            case PatternMatchAs a:
                if (a.Pattern is not null)
                {
                    BindPattern(a.Pattern, ValueSet.Unknown, frame);
                }

                if (a.Name is not null)
                {
                    BindName(a.Name, a.Pattern is null ? subject : ValueSet.Unknown, frame);
                }

                break;
            case PatternMatchStar s when s.Name is not null:
                BindName(s.Name, ValueSet.Unknown, frame);
                break;
            case PatternMatchValue v:
                Eval(v.Value, frame);
                break;
            case PatternMatchSequence seq:
                foreach (var item in seq.Patterns)
                {
                    BindPattern(item, ValueSet.Unknown, frame);
                }

                break;
            case PatternMatchMapping map:
                foreach (var key in map.Keys)
                {
                    Eval(key, frame);
                }

                foreach (var item in map.Patterns)
                {
                    BindPattern(item, ValueSet.Unknown, frame);
                }

                if (map.Rest is not null)
                {
                    BindName(map.Rest, ValueSet.Unknown, frame);
                }

                break;
            case PatternMatchClass cls:
                Eval(cls.Cls, frame);
                foreach (var item in cls.Patterns.Concat(cls.KwdPatterns))
                {
                    BindPattern(item, ValueSet.Unknown, frame);
                }

                break;
            case PatternMatchOr or:
                foreach (var item in or.Patterns)
                {
                    BindPattern(item, subject, frame);
                }

                break;
        }
    }

    private void ExecFunctionDef(Node definition, string name, Arguments args, ImmutableArray<Expr> decorators, Expr? returns, Frame frame)
    {
        foreach (var decorator in decorators)
        {
            Eval(decorator, frame);
        }

        EvalParameterDefaults(args, frame);
        if (returns is not null)
        {
            Eval(returns, frame);
        }

        BindName(name, ValueSet.Of(new FunctionValue(definition)), frame);
    }

    private void EvalParameterDefaults(Arguments args, Frame frame)
    {
        foreach (var value in args.Defaults)
        {
            Eval(value, frame);
        }

        foreach (var value in args.KwDefaults)
        {
            if (value is not null)
            {
                Eval(value, frame);
            }
        }

        foreach (var parameter in ScopeBuilder.AllParameters(args))
        {
            if (parameter.Annotation is not null)
            {
                Eval(parameter.Annotation, frame);
            }
        }
    }

    private void ExecClassDef(StmtClassDef statement, Frame frame)
    {
        foreach (var decorator in statement.DecoratorList)
        {
            Eval(decorator, frame);
        }

        foreach (var baseClass in statement.Bases)
        {
            Eval(baseClass, frame);
        }

        foreach (var keyword in statement.Keywords)
        {
            Eval(keyword.Value, frame);
        }

        var classFrame = NewFrame(ScopeOf(statement));
        ExecBlock(statement.Body, classFrame);
        _classBodies[statement] = classFrame.Env;
        BindName(statement.Name, ValueSet.Of(new ClassValue(statement)), frame);
    }

    /// <summary>
    /// Interprets a function body. With <paramref name="arguments"/> null every parameter is unknown (its
    /// default included); otherwise the parameters hold the call's values. Returns what the call returns.
    /// </summary>
    private ValueSet AnalyzeFunction(Node definition, IReadOnlyDictionary<string, ValueSet>? arguments)
    {
        var scope = ScopeOf(definition);
        var frame = NewFrame(scope);
        var args = definition switch
        {
            StmtFunctionDef f => f.Args,
            StmtAsyncFunctionDef f => f.Args,
            ExprLambda l => l.Args,
            _ => throw new ArgumentException("not a function", nameof(definition)),
        };

        BindParameters(args, arguments, frame);
        _callStack.Add(definition);
        try
        {
            ValueSet result;
            if (definition is ExprLambda lambda)
            {
                result = Eval(lambda.Body, frame);
            }
            else
            {
                var body = definition is StmtFunctionDef fd ? fd.Body : ((StmtAsyncFunctionDef)definition).Body;
                ExecBlock(body, frame);
                result = frame.Returns;
                if (frame.Env.Reachable)
                {
                    result = result.Union(ValueSet.Of(PyNone.Instance));
                }

                if (definition is StmtAsyncFunctionDef || scope.IsGenerator)
                {
                    result = ValueSet.Of(new InstanceValue(definition is StmtAsyncFunctionDef ? "types.CoroutineType" : "types.GeneratorType"));
                }
            }

            if (arguments is null)
            {
                _generalReturns[definition] = _generalReturns.TryGetValue(definition, out var existing) ? existing.Union(result) : result;
            }

            return result;
        }
        finally
        {
            _callStack.RemoveAt(_callStack.Count - 1);
        }
    }

    private void BindParameters(Arguments args, IReadOnlyDictionary<string, ValueSet>? arguments, Frame frame)
    {
        var positionalCount = args.Posonlyargs.Length + args.Args.Length;
        for (var i = 0; i < positionalCount; i++)
        {
            var parameter = i < args.Posonlyargs.Length ? args.Posonlyargs[i] : args.Args[i - args.Posonlyargs.Length];
            var defaultIndex = i - (positionalCount - args.Defaults.Length);
            var fallback = defaultIndex >= 0 ? ValueOfRecorded(args.Defaults[defaultIndex]) : ValueSet.Empty;
            var value = arguments is null ? fallback.Union(ValueSet.Unknown) :
                arguments.TryGetValue(parameter.Name, out var given) ? given : fallback.IsEmpty ? ValueSet.Unknown : fallback;
            BindName(parameter.Name, value, frame);
        }

        for (var i = 0; i < args.Kwonlyargs.Length; i++)
        {
            var parameter = args.Kwonlyargs[i];
            var fallback = args.KwDefaults[i] is { } d ? ValueOfRecorded(d) : ValueSet.Empty;
            var value = arguments is not null && arguments.TryGetValue(parameter.Name, out var given) ? given : fallback.Union(ValueSet.Unknown);
            BindName(parameter.Name, value, frame);
        }

        if (args.Vararg is not null)
        {
            BindName(args.Vararg.Name, ValueSet.Unknown, frame);
        }

        if (args.Kwarg is not null)
        {
            BindName(args.Kwarg.Name, ValueSet.Unknown, frame);
        }
    }

    private ValueSet ValueOfRecorded(Expr expr) => _values.TryGetValue(expr, out var value) ? value : ValueSet.Unknown;
}
