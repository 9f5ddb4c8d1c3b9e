using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using PyGuard.Semantics.Knowledge;
using PyGuard.Semantics.Scopes;
using PyGuard.Syntax.Tree;

namespace PyGuard.Semantics.DataFlow;

/// <summary>
/// Taint tracking over one file: which expressions may hold sensitive data, and by which path it got
/// there. Locations (variables, class members, function results) are flow-insensitive: a variable
/// holds the union of everything assigned to it anywhere in its scope. A worklist solves the flow
/// edges to a fixpoint; each location changes at most once per kind of source, so the work is linear
/// in the file, and a step budget bounds it regardless. Functions are summarised with symbolic
/// parameters: a call substitutes its own arguments into what the function returns (so a helper used
/// on both secrets and constants does not mix them), and a sink inside a function is traced back
/// through every call site of the parameters that reach it. Built lazily, when a rule first asks; a file
/// in which the model saw no source at all (<see cref="SemanticModel.MayHoldSensitiveData"/>) has no
/// taint anywhere, so its flow graph is built only if a method's receiver must be typed through it.
/// </summary>
public sealed class TaintAnalysis
{
    /// <summary>How many call levels a parameter is traced back through to find the data given to it.</summary>
    private const int MaxResolutionDepth = 6;

    /// <summary>Calls whose result carries nothing of their arguments: tests, sizes, metadata, logging.</summary>
    private static readonly FrozenSet<string> Sanitizers = FrozenSet.ToFrozenSet(
    [
        "builtins.len", "builtins.bool", "builtins.isinstance", "builtins.issubclass", "builtins.type", "builtins.id",
        "builtins.hash", "builtins.callable", "builtins.hasattr", "builtins.print", "builtins.any", "builtins.all",
        "os.path.exists", "os.path.lexists", "os.path.isfile", "os.path.isdir", "os.path.islink", "os.path.getsize",
        "os.path.getmtime", "os.path.getatime", "os.path.getctime", "os.path.samefile", "os.access", "os.stat", "os.lstat",
    ], StringComparer.Ordinal);

    /// <summary>Methods that answer a question about their receiver rather than return data from it.</summary>
    private static readonly FrozenSet<string> PredicateMethods = FrozenSet.ToFrozenSet(
    [
        "startswith", "endswith", "isdigit", "isalpha", "isalnum", "isspace", "islower", "isupper", "isidentifier",
        "isnumeric", "isdecimal", "istitle", "isprintable", "isascii", "exists", "is_file", "is_dir", "is_symlink",
        "is_absolute", "__contains__", "__eq__", "__len__",
    ], StringComparer.Ordinal);

    private readonly SemanticModel _model;
    private readonly LocalCalls _calls;
    private readonly Dictionary<Location, TaintSet> _taints = [];
    private readonly Dictionary<Location, List<FlowEdge>> _dependents = [];
    private readonly Dictionary<Expr, (TaintSource? Source, bool Replaces)> _sources = [];
    private readonly Dictionary<ExprName, Location?> _names = [];
    private readonly Dictionary<Expr, TaintSet> _resolved = [];
    private readonly Dictionary<ParameterOrigin, TaintSet?> _parameters = [];
    private Dictionary<Node, List<CallSite>> _callSites = [];
    private Dictionary<Expr, Scope> _argumentScopes = [];
    private ReceiverTypes? _receivers;
    private FlowGraph? _graph;
    private bool _graphTried;
    private bool _solved;
    private FlowEdge? _current;
    private long _budget;
    private long _steps;

    private TaintAnalysis(SemanticModel model)
    {
        _model = model;
        _calls = new LocalCalls(model);
    }

    /// <summary>Why the analysis stopped before its fixpoint (budget or nesting), or null when it is complete.</summary>
    public string? IncompleteReason { get; private set; }

    internal static TaintAnalysis Build(SemanticModel model) => new(model);

    /// <summary>Whether the flow graph was built: only when a taint or a receiver type was asked for, and a taint only if the file has a source.</summary>
    public bool HasFlowGraph => _graph is not null;

    /// <summary>
    /// The sensitive data <paramref name="expr"/> may hold, each with the steps from its source to here.
    /// Parameters are resolved to what the function's callers pass, so every result has a real source.
    /// </summary>
    public TaintSet TaintOf(Expr expr)
    {
        if (!_model.MayHoldSensitiveData)
        {
            return TaintSet.Empty;
        }

        Solve();
        if (_resolved.TryGetValue(expr, out var known))
        {
            return known;
        }

        var result = TaintSet.Empty;
        try
        {
            var scope = _argumentScopes.TryGetValue(expr, out var argumentScope) ? argumentScope : _model.ScopeContaining(expr);
            result = Resolve(Evaluate(expr, scope), 0);
        }
        catch (InsufficientExecutionStackException)
        {
            IncompleteReason ??= "the code is nested too deeply for taint tracking";
        }

        _resolved[expr] = result;
        return result;
    }

    /// <summary>The source of sensitive data at <paramref name="expr"/> itself, if there is one.</summary>
    public TaintSource? SourceAt(Expr expr) => SourceOf(expr).Source;

    /// <summary>
    /// The qualified names the callee of <paramref name="call"/> may be: the model's, or, for a method called
    /// on a parameter or on a member set in another method, that method of every object that flows there.
    /// </summary>
    public ImmutableArray<string> CalleeNames(ExprCall call)
    {
        var names = _model.CalleeNames(call);
        if (names.Length > 0 || call.Func is not ExprAttribute method || BuildGraph() is not { } graph)
        {
            return names;
        }

        try
        {
            return [.. Receivers(graph).MethodNames(method.Value, method.Attr, _model.ScopeContaining(call))];
        }
        catch (InsufficientExecutionStackException)
        {
            IncompleteReason ??= "the code is nested too deeply for taint tracking";
            return names;
        }
    }

    /// <summary>The flow graph, built once; null when the code is nested too deeply for it.</summary>
    private FlowGraph? BuildGraph()
    {
        if (_graphTried)
        {
            return _graph;
        }

        _graphTried = true;
        FlowGraph graph;
        try
        {
            graph = FlowGraph.Build(_model, _calls);
        }
        catch (InsufficientExecutionStackException)
        {
            IncompleteReason ??= "the code is nested too deeply for taint tracking";
            return null;
        }

        _callSites = graph.CallSites;
        _argumentScopes = graph.ArgumentScopes;
        _graph = graph;
        return graph;
    }

    /// <summary>The receiver types read from the flow graph, indexed on first use: a file whose taint is asked for may never ask for one.</summary>
    private ReceiverTypes Receivers(FlowGraph graph)
    {
        if (_receivers is not null)
        {
            return _receivers;
        }

        // Plain loops rather than GroupBy and DistinctBy: this index is built for every file whose method
        // calls need a receiver type, and the LINQ groupings were most of its cost.
        var writers = new Dictionary<Location, List<FlowEdge>>();
        foreach (var edge in graph.Edges)
        {
            if (!writers.TryGetValue(edge.Target, out var edges))
            {
                edges = [];
                writers[edge.Target] = edges;
            }

            edges.Add(edge);
        }

        // The first origin recorded for a location wins, as DistinctBy kept it.
        var parameters = new Dictionary<Location, ParameterOrigin>();
        foreach (var (location, origin) in graph.Parameters)
        {
            parameters.TryAdd(location, origin);
        }

        return _receivers = new ReceiverTypes(_model, _calls, writers, parameters, graph.CallSites);
    }

    private void Solve()
    {
        if (_solved)
        {
            return;
        }

        _solved = true;
        try
        {
            if (BuildGraph() is { } graph)
            {
                SolveEdges(graph);
            }
        }
        catch (InsufficientExecutionStackException)
        {
            IncompleteReason ??= "the code is nested too deeply for taint tracking";
        }
    }

    /// <summary>Solves the flow edges to their fixpoint, within the budget.</summary>
    private void SolveEdges(FlowGraph graph)
    {
        _budget = 100_000 + (64L * graph.NodeCount);
        foreach (var (location, origin) in graph.Parameters)
        {
            _taints[location] = _taints.GetValueOrDefault(location).Union(TaintSet.Of(new Taint(origin)));
        }

        var queue = new Queue<FlowEdge>(graph.Edges);
        var queued = new HashSet<FlowEdge>(graph.Edges, FlowEdgeIdentity.Instance);
        while (queue.TryDequeue(out var edge))
        {
            queued.Remove(edge);
            if (_steps > _budget)
            {
                return;
            }

            _current = edge;
            var value = Evaluate(edge.Value, edge.Scope).Then(edge.Step);
            _current = null;
            var updated = _taints.GetValueOrDefault(edge.Target).Union(value, out var changed);
            if (!changed)
            {
                continue;
            }

            _taints[edge.Target] = updated;
            if (_dependents.TryGetValue(edge.Target, out var dependents))
            {
                foreach (var dependent in dependents)
                {
                    if (queued.Add(dependent))
                    {
                        queue.Enqueue(dependent);
                    }
                }
            }
        }
    }

    /// <summary>What a location holds; while an edge is evaluated, records that the edge depends on it.</summary>
    private TaintSet Read(Location location)
    {
        if (_current is not null)
        {
            if (!_dependents.TryGetValue(location, out var dependents))
            {
                dependents = [];
                _dependents[location] = dependents;
            }

            // An edge re-evaluated reads the same locations again; the queue ignores the repeats.
            if (dependents.Count == 0 || !ReferenceEquals(dependents[^1], _current))
            {
                dependents.Add(_current);
            }
        }

        return _taints.GetValueOrDefault(location);
    }

    private (TaintSource? Source, bool Replaces) SourceOf(Expr expr)
    {
        if (expr is not (ExprCall or ExprSubscript or ExprName or ExprAttribute or ExprConstant { Value: string } or ExprBinOp or ExprJoinedStr))
        {
            // Containers, operators and the like are never sources themselves; their parts are asked.
            return (null, false);
        }

        if (!_sources.TryGetValue(expr, out var found))
        {
            var source = SensitiveSources.At(_model, expr, out var replaces);
            found = (source, replaces);
            _sources[expr] = found;
        }

        return found;
    }

    private TaintSet Evaluate(Expr expr, Scope scope)
    {
        if (++_steps > _budget)
        {
            IncompleteReason ??= "the taint-tracking budget for this file was exhausted";
            return TaintSet.Empty;
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        var (source, replaces) = SourceOf(expr);
        var own = source is null ? TaintSet.Empty : TaintSet.Of(new Taint(source).Then(new TaintStep(source.Span, "source: " + source.Description)));
        return replaces ? own : own.Union(Propagate(expr, scope));
    }

    /// <summary>The taint an expression takes from its parts.</summary>
    private TaintSet Propagate(Expr expr, Scope scope)
    {
        switch (expr)
        {
            case ExprName name when name.Ctx == ExprContext.Load:
                if (!_names.TryGetValue(name, out var location))
                {
                    location = FlowGraph.LocationOfName(name.Id, scope);
                    _names[name] = location;
                }

                return location is null ? TaintSet.Empty : Read(location);
            case ExprAttribute attribute:
                return Members(attribute, scope).Union(Evaluate(attribute.Value, scope));
            case ExprSubscript subscript:
                return Evaluate(subscript.Value, scope);
            case ExprCall call:
                return EvaluateCall(call, scope);
            case ExprBinOp binary:
                return Evaluate(binary.Left, scope).Union(Evaluate(binary.Right, scope));
            case ExprUnaryOp unary when unary.Op != UnaryOperator.Not:
                return Evaluate(unary.Operand, scope);
            case ExprBoolOp boolean:
                return All(boolean.Values, scope);
            case ExprIfExp conditional:
                return Evaluate(conditional.Body, scope).Union(Evaluate(conditional.Orelse, scope));
            case ExprJoinedStr joined:
                return All(joined.Values, scope);
            case ExprFormattedValue formatted:
                return Evaluate(formatted.Value, scope);
            case ExprList list:
                return All(list.Elts, scope);
            case ExprTuple tuple:
                return All(tuple.Elts, scope);
            case ExprSet set:
                return All(set.Elts, scope);
            case ExprDict dict:
                return All(dict.Keys.Where(k => k is not null)!, scope).Union(All(dict.Values, scope));
            case ExprListComp comprehension:
                return Evaluate(comprehension.Elt, InnerScope(comprehension, scope));
            case ExprSetComp comprehension:
                return Evaluate(comprehension.Elt, InnerScope(comprehension, scope));
            case ExprGeneratorExp comprehension:
                return Evaluate(comprehension.Elt, InnerScope(comprehension, scope));
            case ExprDictComp comprehension:
                var inner = InnerScope(comprehension, scope);
                return Evaluate(comprehension.Key, inner).Union(Evaluate(comprehension.Value, inner));
            case ExprStarred starred:
                return Evaluate(starred.Value, scope);
            case ExprNamedExpr named:
                return Evaluate(named.Value, scope);
            case ExprAwait awaited:
                return Evaluate(awaited.Value, scope);
            default:
                // Constants, comparisons, lambdas, yields (what is sent in is unknown), slices.
                return TaintSet.Empty;
        }
    }

    private TaintSet EvaluateCall(ExprCall call, Scope scope)
    {
        var callees = _calls.CalleesOf(call, scope);
        if (!callees.IsEmpty)
        {
            var result = TaintSet.Empty;
            foreach (var callee in callees)
            {
                result = result.Union(Substitute(Read(new ReturnLocation(callee.Function)), callee, call, scope));
                if (callee.Function is StmtFunctionDef { Name: "__init__" } or StmtAsyncFunctionDef { Name: "__init__" })
                {
                    // A new object holds what it was given.
                    result = result.Union(Arguments(call, scope));
                }
            }

            return result;
        }

        var names = _model.CalleeNames(call);
        if (names.AnyIn(Sanitizers) || names.Any(n => n.StartsWith("logging.", StringComparison.Ordinal)) ||
            (call.Func is ExprAttribute predicate && PredicateMethods.Contains(predicate.Attr)))
        {
            return TaintSet.Empty;
        }

        // A library call: its result may carry anything of its arguments and of the object it is called on.
        var receiver = call.Func is ExprAttribute method ? Evaluate(method.Value, scope) : TaintSet.Empty;
        return receiver.Union(Arguments(call, scope));
    }

    private TaintSet Arguments(ExprCall call, Scope scope)
    {
        var result = All(call.Args, scope);
        foreach (var keyword in call.Keywords)
        {
            result = result.Union(Evaluate(keyword.Value, scope));
        }

        return result;
    }

    /// <summary>What a call of a local function returns: its summary with the call's arguments in place of its parameters.</summary>
    private TaintSet Substitute(TaintSet returned, LocalCallee callee, ExprCall call, Scope scope)
    {
        var name = _calls.NameOf(callee.Function);
        var returnStep = new TaintStep(call.Span, $"returned by {name}");
        var result = TaintSet.Empty;

        // An argument may bind several parameters (f(*args)); evaluating it once keeps nested calls linear.
        Dictionary<Expr, TaintSet>? arguments = null;
        foreach (var taint in returned.Items)
        {
            if (taint.Origin is ParameterOrigin parameter && ReferenceEquals(parameter.Function, callee.Function))
            {
                arguments ??= new Dictionary<Expr, TaintSet>();
                foreach (var (bound, argument) in LocalCalls.Bind(callee.Function, call, callee.Bound))
                {
                    if (bound == parameter.Parameter)
                    {
                        if (!arguments.TryGetValue(argument, out var given))
                        {
                            given = Evaluate(argument, scope);
                            arguments[argument] = given;
                        }

                        var passed = new TaintStep(argument.Span, $"passed to parameter {bound} of {name}");
                        result = result.Union(given.Select(t => t.Then(passed).Then(taint).Then(returnStep)));
                    }
                }
            }
            else
            {
                result = result.Union(TaintSet.Of(taint.Then(returnStep)));
            }
        }

        return result;
    }

    /// <summary>Replaces parameter origins by the data the function's callers pass in, through at most a few call levels.</summary>
    private TaintSet Resolve(TaintSet taints, int depth)
    {
        var result = TaintSet.Empty;
        foreach (var taint in taints.Items)
        {
            if (taint.Source is not null)
            {
                result = result.Union(TaintSet.Of(taint));
            }
            else if (taint.Origin is ParameterOrigin parameter && depth < MaxResolutionDepth && ResolveParameter(parameter, depth) is { } passed)
            {
                result = result.Union(passed.Select(p => p.Then(taint)));
            }
        }

        return result;
    }

    private TaintSet? ResolveParameter(ParameterOrigin parameter, int depth)
    {
        if (_parameters.TryGetValue(parameter, out var known))
        {
            return known;
        }

        // A recursive function's parameter is being resolved already: that path adds nothing new.
        _parameters[parameter] = null;
        var result = TaintSet.Empty;
        var name = _calls.NameOf(parameter.Function);
        foreach (var site in _callSites.GetValueOrDefault(parameter.Function) ?? [])
        {
            foreach (var (bound, argument) in LocalCalls.Bind(parameter.Function, site.Call, site.Bound))
            {
                if (bound == parameter.Parameter)
                {
                    var passed = new TaintStep(argument.Span, $"passed to parameter {bound} of {name}");
                    result = result.Union(Resolve(Evaluate(argument, site.Scope), depth + 1).Then(passed));
                }
            }
        }

        _parameters[parameter] = result;
        return result;
    }

    /// <summary>Members of local classes that <c>obj.attr</c> reads, inherited ones included.</summary>
    private TaintSet Members(ExprAttribute attribute, Scope scope)
    {
        var result = TaintSet.Empty;
        foreach (var owner in _calls.ClassesOf(attribute.Value, scope))
        {
            foreach (var cls in _calls.WithBases(owner))
            {
                result = result.Union(Read(new MemberLocation(cls, attribute.Attr)));
            }
        }

        return result;
    }

    private TaintSet All(IEnumerable<Expr> expressions, Scope scope)
    {
        var result = TaintSet.Empty;
        foreach (var expr in expressions)
        {
            result = result.Union(Evaluate(expr, scope));
        }

        return result;
    }

    private Scope InnerScope(Node comprehension, Scope scope) => _model.ScopeOpenedBy(comprehension) ?? scope;
}
