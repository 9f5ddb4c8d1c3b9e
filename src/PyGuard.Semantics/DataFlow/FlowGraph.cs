using System.Collections.Immutable;
using PyGuard.Semantics.Scopes;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Semantics.DataFlow;

/// <summary>Somewhere data is kept between expressions: a variable, a class member, a function's result.</summary>
internal abstract record Location;

/// <summary>A variable of a module, function, lambda or comprehension scope.</summary>
internal sealed record VariableLocation(Scope Scope, string Name) : Location;

/// <summary>A member of a class of the file: a name bound in its body, or an attribute set on <c>self</c> or the class.</summary>
internal sealed record MemberLocation(StmtClassDef Class, string Name) : Location;

/// <summary>What a function returns (or yields).</summary>
internal sealed record ReturnLocation(Node Function) : Location;

/// <summary>Data moving into a location: the value of <see cref="Value"/>, evaluated in <see cref="Scope"/>, joins <see cref="Target"/>.</summary>
internal sealed record FlowEdge(Location Target, Expr Value, Scope Scope, TaintStep Step);

/// <summary>
/// Edges compared by identity, hashed by their value's node. The record's own equality compares every
/// field, and the runtime's identity hash has to be created in each new object's header first; both
/// showed up in profiles of the solver's work queue.
/// </summary>
internal sealed class FlowEdgeIdentity : IEqualityComparer<FlowEdge>
{
    public static readonly FlowEdgeIdentity Instance = new();

    public bool Equals(FlowEdge? x, FlowEdge? y) => ReferenceEquals(x, y);

    public int GetHashCode(FlowEdge edge) => edge.Value.GetHashCode();
}

/// <summary>A call of a function of the file, kept so that a parameter can be traced back to the arguments given to it.</summary>
internal sealed record CallSite(ExprCall Call, Scope Scope, bool Bound);

/// <summary>
/// One walk over the file that turns every way data moves between locations into a <see cref="FlowEdge"/>:
/// assignments of every form (augmented, annotated, unpacking, walrus), loop and comprehension targets,
/// <c>with</c> targets, returns and yields, stores into containers and objects (<c>x[k] = v</c>,
/// <c>x.attr = v</c>, <c>x.append(v)</c>), parameter defaults; and records every call of a local function.
/// </summary>
internal sealed class FlowGraph : NodeWalker
{
    /// <summary>Methods that keep their arguments inside the receiver (containers, buffers, messages).</summary>
    private static readonly HashSet<string> StoringMethods = new(StringComparer.Ordinal)
    {
        "append", "extend", "insert", "add", "update", "setdefault", "__setitem__", "write", "writelines", "writestr",
        "set_content", "set_payload", "attach", "add_attachment", "add_header", "put", "put_nowait", "appendleft",
        "extendleft", "push", "__setattr__",
    };

    private readonly SemanticModel _model;
    private readonly LocalCalls _calls;
    private Scope _scope;

    private FlowGraph(SemanticModel model, LocalCalls calls)
    {
        _model = model;
        _calls = calls;
        _scope = model.ModuleScope;
    }

    public List<FlowEdge> Edges { get; } = [];

    public Dictionary<Node, List<CallSite>> CallSites { get; } = [];

    /// <summary>The parameters of every function, each of which starts out holding its own symbolic origin.</summary>
    public List<(Location Location, ParameterOrigin Origin)> Parameters { get; } = [];

    /// <summary>The scope each argument of a call is evaluated in: rules ask about arguments, and this saves walking up to find it.</summary>
    public Dictionary<Expr, Scope> ArgumentScopes { get; } = [];

    /// <summary>Nodes visited: the size the analysis budget is scaled by.</summary>
    public int NodeCount { get; private set; }

    public static FlowGraph Build(SemanticModel model, LocalCalls calls)
    {
        var graph = new FlowGraph(model, calls);
        graph.Visit(model.Tree.Root);
        return graph;
    }

    /// <summary>Where a name read or bound in <paramref name="scope"/> lives, or null for builtins and unbound names.</summary>
    public static Location? LocationOfName(string name, Scope scope)
    {
        var owner = scope.Resolve(name);
        return owner switch
        {
            null => null,
            { Kind: ScopeKind.Class, Node: StmtClassDef cls } => new MemberLocation(cls, name),
            _ => new VariableLocation(owner, name),
        };
    }

    /// <summary>The location a store into <paramref name="target"/> (its item, its attribute) changes, or null.</summary>
    public Location? RootLocation(Expr target, Scope scope) => target switch
    {
        ExprName name when !_model.ValueOf(name).Any(v => v is RefValue) => LocationOfName(name.Id, scope),
        ExprAttribute attribute => MemberTargets(attribute, scope).FirstOrDefault() ?? RootLocation(attribute.Value, scope),
        ExprSubscript subscript => RootLocation(subscript.Value, scope),
        _ => null,
    };

    /// <summary>The class members <c>obj.attr</c> names when <c>obj</c> is a local class, one of its instances, or <c>self</c>.</summary>
    public IEnumerable<Location> MemberTargets(ExprAttribute attribute, Scope scope) =>
        _calls.ClassesOf(attribute.Value, scope).Distinct().Select(c => (Location)new MemberLocation(c, attribute.Attr));

    public override void Visit(Node node)
    {
        NodeCount++;
        base.Visit(node);
    }

    public override void VisitStmtFunctionDef(StmtFunctionDef node) => VisitFunction(node, node.Args, node.DecoratorList, node.Returns, node.Body);

    public override void VisitStmtAsyncFunctionDef(StmtAsyncFunctionDef node) => VisitFunction(node, node.Args, node.DecoratorList, node.Returns, node.Body);

    public override void VisitExprLambda(ExprLambda node)
    {
        var inner = DeclareParameters(node, node.Args);
        Enter(inner, () =>
        {
            Add(new ReturnLocation(node), node.Body, node.Body, "returned by the lambda");
            Visit(node.Body);
        });
    }

    public override void VisitStmtClassDef(StmtClassDef node)
    {
        VisitAll(node.DecoratorList);
        VisitAll(node.Bases);
        foreach (var keyword in node.Keywords)
        {
            Visit(keyword.Value);
        }

        Enter(_model.ScopeOpenedBy(node) ?? _scope, () => VisitAll(node.Body));
    }

    public override void VisitExprListComp(ExprListComp node) => VisitComprehension(node, node.Generators, [node.Elt]);

    public override void VisitExprSetComp(ExprSetComp node) => VisitComprehension(node, node.Generators, [node.Elt]);

    public override void VisitExprGeneratorExp(ExprGeneratorExp node) => VisitComprehension(node, node.Generators, [node.Elt]);

    public override void VisitExprDictComp(ExprDictComp node) => VisitComprehension(node, node.Generators, [node.Key, node.Value]);

    public override void VisitStmtAssign(StmtAssign node)
    {
        foreach (var target in node.Targets)
        {
            Bind(target, node.Value, "assigned to");
        }

        base.VisitStmtAssign(node);
    }

    public override void VisitStmtAugAssign(StmtAugAssign node)
    {
        Bind(node.Target, node.Value, "added to");
        base.VisitStmtAugAssign(node);
    }

    public override void VisitStmtAnnAssign(StmtAnnAssign node)
    {
        if (node.Value is not null)
        {
            Bind(node.Target, node.Value, "assigned to");
        }

        base.VisitStmtAnnAssign(node);
    }

    public override void VisitStmtFor(StmtFor node)
    {
        Bind(node.Target, node.Iter, "iterated into");
        base.VisitStmtFor(node);
    }

    public override void VisitStmtAsyncFor(StmtAsyncFor node)
    {
        Bind(node.Target, node.Iter, "iterated into");
        base.VisitStmtAsyncFor(node);
    }

    public override void VisitWithItem(WithItem node)
    {
        if (node.OptionalVars is not null)
        {
            Bind(node.OptionalVars, node.ContextExpr, "bound by with to");
        }

        base.VisitWithItem(node);
    }

    public override void VisitStmtReturn(StmtReturn node)
    {
        if (node.Value is not null && CurrentFunction() is { } function)
        {
            Add(new ReturnLocation(function), node.Value, node, $"returned by {_calls.NameOf(function)}");
        }

        base.VisitStmtReturn(node);
    }

    public override void VisitExprYield(ExprYield node)
    {
        if (node.Value is not null && CurrentFunction() is { } function)
        {
            Add(new ReturnLocation(function), node.Value, node, $"yielded by {_calls.NameOf(function)}");
        }

        base.VisitExprYield(node);
    }

    public override void VisitExprYieldFrom(ExprYieldFrom node)
    {
        if (CurrentFunction() is { } function)
        {
            Add(new ReturnLocation(function), node.Value, node, $"yielded by {_calls.NameOf(function)}");
        }

        base.VisitExprYieldFrom(node);
    }

    public override void VisitExprNamedExpr(ExprNamedExpr node)
    {
        if (node.Target is ExprName name && LocationOfName(name.Id, _scope.WalrusTarget) is { } location)
        {
            Add(location, node.Value, node, $"assigned to {name.Id}");
        }

        base.VisitExprNamedExpr(node);
    }

    public override void VisitStmtMatch(StmtMatch node)
    {
        foreach (var matchCase in node.Cases)
        {
            foreach (var name in CaptureNames(matchCase.Pattern))
            {
                if (LocationOfName(name, _scope) is { } location)
                {
                    Add(location, node.Subject, matchCase.Pattern, $"matched into {name}");
                }
            }
        }

        base.VisitStmtMatch(node);
    }

    public override void VisitExprCall(ExprCall node)
    {
        foreach (var argument in node.Args)
        {
            ArgumentScopes[argument] = _scope;
        }

        foreach (var keyword in node.Keywords)
        {
            ArgumentScopes[keyword.Value] = _scope;
        }

        foreach (var callee in _calls.CalleesOf(node, _scope))
        {
            if (!CallSites.TryGetValue(callee.Function, out var sites))
            {
                sites = [];
                CallSites[callee.Function] = sites;
            }

            sites.Add(new CallSite(node, _scope, callee.Bound));
        }

        if (node.Func is ExprAttribute method && StoringMethods.Contains(method.Attr) && RootLocation(method.Value, _scope) is { } receiver)
        {
            foreach (var argument in node.Args.Concat(node.Keywords.Select(k => k.Value)))
            {
                Add(receiver, argument is ExprStarred s ? s.Value : argument, node, $"stored in {Describe(method.Value)} by {method.Attr}()");
            }
        }
        else if (_model.MayBe(node.Func, "builtins.setattr") && node.Args.Length == 3 && RootLocation(node.Args[0], _scope) is { } owner)
        {
            Add(owner, node.Args[2], node, $"stored in {Describe(node.Args[0])} by setattr()");
        }

        base.VisitExprCall(node);
    }

    private void VisitFunction(Node node, Arguments args, ImmutableArray<Expr> decorators, Expr? returns, ImmutableArray<Stmt> body)
    {
        VisitAll(decorators);
        if (returns is not null)
        {
            Visit(returns);
        }

        var inner = DeclareParameters(node, args);
        Enter(inner, () => VisitAll(body));
    }

    /// <summary>Gives each parameter its symbolic origin and its default value; defaults are evaluated where the def is.</summary>
    private Scope DeclareParameters(Node function, Arguments args)
    {
        var inner = _model.ScopeOpenedBy(function) ?? _scope;
        var positionalCount = args.Posonlyargs.Length + args.Args.Length;
        for (var i = 0; i < args.Defaults.Length; i++)
        {
            var index = positionalCount - args.Defaults.Length + i;
            var parameter = index < args.Posonlyargs.Length ? args.Posonlyargs[index] : args.Args[index - args.Posonlyargs.Length];
            Add(new VariableLocation(inner, parameter.Name), args.Defaults[i], parameter, $"default of parameter {parameter.Name}");
        }

        for (var i = 0; i < args.Kwonlyargs.Length; i++)
        {
            if (args.KwDefaults[i] is { } value)
            {
                Add(new VariableLocation(inner, args.Kwonlyargs[i].Name), value, args.Kwonlyargs[i], $"default of parameter {args.Kwonlyargs[i].Name}");
            }
        }

        foreach (var parameter in Scopes.ScopeBuilder.AllParameters(args))
        {
            Parameters.Add((new VariableLocation(inner, parameter.Name), new ParameterOrigin(function, parameter.Name)));
            if (parameter.Annotation is not null)
            {
                Visit(parameter.Annotation);
            }
        }

        VisitAll(args.Defaults);
        foreach (var value in args.KwDefaults)
        {
            if (value is not null)
            {
                Visit(value);
            }
        }

        return inner;
    }

    private void VisitComprehension(Node node, ImmutableArray<Comprehension> generators, ImmutableArray<Expr> results)
    {
        Visit(generators[0].Iter);
        var outer = _scope;
        Enter(_model.ScopeOpenedBy(node) ?? _scope, () =>
        {
            for (var i = 0; i < generators.Length; i++)
            {
                var generator = generators[i];
                if (i > 0)
                {
                    Visit(generator.Iter);
                }

                // The first iterable is evaluated in the enclosing scope, the target is bound in the comprehension's.
                BindIn(generator.Target, generator.Iter, i == 0 ? outer : _scope, "iterated into");
                VisitAll(generator.Ifs);
            }

            VisitAll(results);
        });
    }

    private void Bind(Expr target, Expr value, string verb) => BindIn(target, value, _scope, verb);

    private void BindIn(Expr target, Expr value, Scope valueScope, string verb)
    {
        switch (target)
        {
            case ExprName name when LocationOfName(name.Id, _scope) is { } location:
                Edges.Add(new FlowEdge(location, value, valueScope, new TaintStep(target.Span, $"{verb} {name.Id}")));
                break;
            case ExprTuple tuple:
                BindAll(tuple.Elts, value, valueScope, verb);
                break;
            case ExprList list:
                BindAll(list.Elts, value, valueScope, verb);
                break;
            case ExprStarred starred:
                BindIn(starred.Value, value, valueScope, verb);
                break;
            case ExprAttribute attribute:
                var members = MemberTargets(attribute, _scope).ToList();
                foreach (var member in members.Count > 0 ? members : RootLocation(attribute.Value, _scope) is { } root ? [root] : [])
                {
                    Edges.Add(new FlowEdge(member, value, valueScope, new TaintStep(target.Span, $"stored in {Describe(target)}")));
                }

                break;
            case ExprSubscript subscript when RootLocation(subscript.Value, _scope) is { } container:
                Edges.Add(new FlowEdge(container, value, valueScope, new TaintStep(target.Span, $"stored in {Describe(subscript.Value)}")));
                break;
        }
    }

    private void BindAll(ImmutableArray<Expr> targets, Expr value, Scope valueScope, string verb)
    {
        foreach (var element in targets)
        {
            BindIn(element, value, valueScope, verb);
        }
    }

    private void Add(Location target, Expr value, Node at, string description) =>
        Edges.Add(new FlowEdge(target, value, _scope, new TaintStep(at.Span, description)));

    private Node? CurrentFunction()
    {
        for (var scope = _scope; scope is not null; scope = scope.Parent)
        {
            if (scope.IsFunctionLike)
            {
                return scope.Node;
            }

            if (scope.Kind != ScopeKind.Comprehension)
            {
                return null;
            }
        }

        return null;
    }

    private void Enter(Scope scope, Action body)
    {
        var saved = _scope;
        _scope = scope;
        try
        {
            body();
        }
        finally
        {
            _scope = saved;
        }
    }

    private void VisitAll<T>(ImmutableArray<T> nodes)
        where T : Node
    {
        foreach (var node in nodes)
        {
            Visit(node);
        }
    }

    private static IEnumerable<string> CaptureNames(Pattern pattern)
    {
        var names = new List<string>();
        new CaptureFinder(names).Visit(pattern);
        return names;
    }

    /// <summary>A short rendering of a store target for step messages: <c>files</c>, <c>self.context</c>, <c>message[...]</c>.</summary>
    internal static string Describe(Expr expr) => expr switch
    {
        ExprName name => name.Id,
        ExprAttribute attribute => Describe(attribute.Value) + "." + attribute.Attr,
        ExprSubscript subscript => Describe(subscript.Value) + "[...]",
        ExprCall call => Describe(call.Func) + "(...)",
        _ => "a value",
    };

    private sealed class CaptureFinder(List<string> names) : NodeWalker
    {
        public override void VisitPatternMatchAs(PatternMatchAs node)
        {
            if (node.Name is not null)
            {
                names.Add(node.Name);
            }

            base.VisitPatternMatchAs(node);
        }

        public override void VisitPatternMatchStar(PatternMatchStar node)
        {
            if (node.Name is not null)
            {
                names.Add(node.Name);
            }
        }

        public override void VisitPatternMatchMapping(PatternMatchMapping node)
        {
            if (node.Rest is not null)
            {
                names.Add(node.Rest);
            }

            base.VisitPatternMatchMapping(node);
        }
    }
}
