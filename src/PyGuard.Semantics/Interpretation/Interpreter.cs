using System.Runtime.CompilerServices;
using PyGuard.Semantics.Knowledge;
using PyGuard.Semantics.Scopes;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Semantics.Interpretation;

/// <summary>
/// An abstract interpreter over one file. It runs the module body in order, then every function body
/// with unknown parameters, computing for each expression the set of values it may take: constants
/// folded through the operations that obfuscators use, references to modules and their members however
/// they are reached (aliases, <c>getattr</c>, <c>__import__</c>, builtins dicts), local functions and
/// classes. Branches with a known condition are taken alone, loops over small known sequences are
/// unrolled, other loops are iterated to a fixpoint and widened. Calls of local functions with known
/// arguments are evaluated in that context, so helper functions that decode names are seen through.
/// Work is bounded by a step budget; when it runs out the model is marked incomplete instead of hanging.
/// </summary>
internal sealed partial class Interpreter
{
    private const int MaxUnrolledItems = 64;
    private const int MaxUnrolledIterations = 256;
    private const int MaxCallDepth = 3;
    private const int MaxContextualStatements = 60;
    private const int MaxContextualEvaluations = 400;
    private const int MaxCombinations = 16;

    private readonly ModModule _module;
    private readonly Scope _moduleScope;
    private readonly IReadOnlyDictionary<Node, Scope> _scopes;
    private readonly ExpressionValues _values;
    private readonly Dictionary<(string Owner, string Attribute), ValueSet> _members = new();
    private readonly Dictionary<(string Type, string Attribute), ValueSet> _instanceMembers = new();
    private readonly Dictionary<string, ValueSet> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<Scope, ScopeSummary> _summaries = [];
    private readonly Dictionary<StmtClassDef, Env> _classBodies = new();
    private readonly Dictionary<Node, ValueSet> _generalReturns = new();
    private readonly Dictionary<string, ValueSet> _contextualReturns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ValueSet> _dynamicGlobals = new(StringComparer.Ordinal);
    private readonly List<Node> _callStack = [];
    private readonly HashSet<(Node, string)> _importKeys = [];
    private readonly List<ImportRecord> _imports = [];
    private readonly Dictionary<Node, string[]> _assignedInLoop = new();
    private readonly long _budget;
    private readonly Dictionary<Node, int> _statementCounts = new();
    private int _havocLoops;
    private int _contextualEvaluations;
    private int _unrolledIterations = 1;
    private long _steps;
    private int _stackProbes;

    private readonly IReadOnlySet<string> _literals;

    // What a name holds before it is bound, for the joins of states: one delegate per file rather than per frame.
    private readonly Func<Scope, string, ValueSet> _initial;

    // nodeCount: how many nodes the tree has; most are expressions, and each gets a value.
    public Interpreter(ModModule module, Scope moduleScope, IReadOnlyDictionary<Node, Scope> scopes, IReadOnlySet<string> literals, long budget, int nodeCount)
    {
        _values = new ExpressionValues(nodeCount);
        _initial = Initial;
        _literals = literals;
        _module = module;
        _moduleScope = moduleScope;
        _scopes = scopes;
        _budget = budget;
    }

    /// <summary>Module names that some function rebinds through a <c>global</c> declaration, by module slot.</summary>
    private bool[]? _globalsWrittenByFunctions;

    public ExpressionValues Values => _values;

    public IReadOnlyList<ImportRecord> Imports => _imports;

    public IReadOnlyDictionary<Node, ValueSet> Returns => _generalReturns;

    public string? IncompleteReason { get; private set; }

    public void Run()
    {
        var moduleFrame = NewFrame(_moduleScope);
        ExecBlock(_module.Body, moduleFrame);

        // Every function body once more with unknown arguments, outer functions before inner ones, so that
        // closures see their enclosing function's summaries and calls from later module code are covered.
        AnalyzeFunctionsIn(_moduleScope);
    }

    /// <summary>Analyses the functions nested in <paramref name="scope"/>, each before the ones nested in it.</summary>
    private void AnalyzeFunctionsIn(Scope scope)
    {
        // Indexed: a foreach over the read-only list would allocate an enumerator per scope.
        var children = scope.Children;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (child.IsFunctionLike)
            {
                AnalyzeFunction(child.Node, null);
            }

            AnalyzeFunctionsIn(child);
        }
    }

    /// <summary>Counts work; false once the budget is spent (the caller then gives up precision).</summary>
    private bool Step(long cost = 1)
    {
        _steps += cost;
        if (_steps <= _budget)
        {
            return true;
        }

        IncompleteReason ??= "the analysis budget for this file was exhausted";
        return false;
    }

    private bool EnsureStack()
    {
        // The probe is a call into the runtime. Every nested evaluation comes through here, so probing on
        // every eighth call still probes at least once in any eight nested frames, well within its headroom.
        if ((++_stackProbes & 7) != 0 || RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return true;
        }

        IncompleteReason ??= "the code is nested too deeply to analyse";
        return false;
    }

    private void Record(Expr expr, ValueSet value)
    {
        ref var slot = ref _values.GetOrAddSlot(expr, out var exists);
        slot = exists ? slot.Union(value) : value;
    }

    /// <summary>What a name holds on paths where it has not been bound yet in this scope.</summary>
    private ValueSet Initial(Scope scope, string name)
    {
        if (scope.Kind is ScopeKind.Module or ScopeKind.Class)
        {
            // Module and class bodies fall back to the globals and then the builtins.
            return scope.Kind == ScopeKind.Class ? LookupFree(name, scope) : BuiltinValue(name);
        }

        return ValueSet.Empty;
    }

    /// <summary>Whether some function rebinds the module name numbered <paramref name="moduleSlot"/> through a <c>global</c> declaration.</summary>
    private bool IsWrittenByFunctions(int moduleSlot)
    {
        var written = _globalsWrittenByFunctions ??= FindGlobalsWrittenByFunctions();
        return (uint)moduleSlot < (uint)written.Length && written[moduleSlot];
    }

    // By the module's slot numbers rather than by name: module code asks this on every read of a module
    // name. A name declared global is a binding of the module scope, so it always has a slot there.
    private bool[] FindGlobalsWrittenByFunctions()
    {
        var written = new bool[_moduleScope.NameCount];
        var pending = new Stack<Scope>(_moduleScope.Children);
        while (pending.TryPop(out var scope))
        {
            foreach (var name in scope.GlobalDeclarations)
            {
                if (_moduleScope.SlotOf(name) is >= 0 and var slot)
                {
                    written[slot] = true;
                }
            }

            foreach (var child in scope.Children)
            {
                pending.Push(child);
            }
        }

        return written;
    }

    private ValueSet BuiltinValue(string name)
    {
        var dynamic = _dynamicGlobals.TryGetValue(name, out var injected) ? injected : ValueSet.Empty;
        var fromStar = StarImportValue(name);
        ValueSet builtin = name switch
        {
            "__builtins__" => ValueSet.Ref("builtins"),
            "__name__" => ValueSet.Of(new PyStr("__main__")),
            "__debug__" => ValueSet.Of(PyBool.True),
            "__file__" or "__doc__" or "__spec__" or "__loader__" or "__package__" or "__path__" or "__cached__" => ValueSet.Unknown,
            _ when BuiltinReferences.TryGet(name, out var reference) => reference,
            _ => fromStar.IsEmpty && dynamic.IsEmpty ? ValueSet.Unknown : ValueSet.Empty,
        };
        return builtin.Union(fromStar).Union(dynamic);
    }

    private ValueSet StarImportValue(string name)
    {
        var result = ValueSet.Empty;
        foreach (var module in _moduleScope.StarImports)
        {
            if (!module.StartsWith('.'))
            {
                result = result.Union(ValueSet.Ref(QualifiedNames.Member(QualifiedNames.CanonicalModule(module), name)));
            }
        }

        return result;
    }

    private ValueSet Summary(Scope scope, string name) => Summary(scope, scope.SlotOf(name), name);

    private ValueSet Summary(Scope scope, int slot, string name)
    {
        var value = _summaries.TryGetValue(scope, out var summary) && summary.TryGet(slot, name, out var known) ? known : ValueSet.Empty;
        if (scope.Kind == ScopeKind.Module)
        {
            // A function may run before or after any module-level rebinding, so the builtin stays possible.
            var fallback = BuiltinValue(name);
            value = value.IsEmpty ? fallback : fallback.IsUnknown ? value : value.Union(fallback);
        }
        else if (value.IsEmpty)
        {
            value = ValueSet.Unknown;
        }

        return value;
    }

    private void AddToSummary(Scope scope, int slot, string name, ValueSet value)
    {
        if (!_summaries.TryGetValue(scope, out var summary))
        {
            summary = new ScopeSummary(scope);
            _summaries[scope] = summary;
        }

        summary.Add(slot, name, value);
    }

    /// <summary>Reads a name in the current frame, following Python's scoping rules.</summary>
    private ValueSet Lookup(string name, Frame frame)
    {
        var owner = frame.Scope.Resolve(name, out var slot);
        if (owner == frame.Scope)
        {
            var value = frame.Env.TryGet(slot, name, out var bound) ? bound : Initial(frame.Scope, name);
            if (frame.Scope.Kind == ScopeKind.Module && IsWrittenByFunctions(slot) &&
                _summaries.TryGetValue(_moduleScope, out var summary) && summary.TryGet(slot, name, out var fromFunctions))
            {
                // A function called in between may have rebound it: what it bound is possible too.
                value = value.Union(fromFunctions);
            }

            return value;
        }

        return owner is null ? BuiltinValue(name) : Summary(owner, slot, name);
    }

    /// <summary>A name read from a class body that is not bound in it: globals, then builtins.</summary>
    private ValueSet LookupFree(string name, Scope scope)
    {
        var slot = -1;
        var owner = scope.Parent?.Resolve(name, out slot);
        return owner is null ? BuiltinValue(name) : Summary(owner, slot, name);
    }

    /// <summary>Binds a name in the scope Python would bind it in, and records it in that scope's summary.</summary>
    private void BindName(string name, ValueSet value, Frame frame, Scope? bindingScope = null)
    {
        var scope = bindingScope ?? frame.Scope;
        var flags = scope.SymbolOf(name, out var slot);
        if ((flags & SymbolFlags.Global) != 0)
        {
            scope = _moduleScope;
            slot = scope.SlotOf(name);
        }
        else if ((flags & SymbolFlags.Nonlocal) != 0 && scope.Parent?.Resolve(name, out var outerSlot) is { } outer)
        {
            scope = outer;
            slot = outerSlot;
        }

        if (scope == frame.Scope)
        {
            frame.Env.Set(slot, name, value);
        }

        AddToSummary(scope, slot, name, value);
    }

    /// <summary>
    /// Everything bound to each name of one scope on any path, read by functions nested in it and by
    /// code that runs later: an array by the scope's name numbers, like <see cref="Env"/>, and a side
    /// table for names the scope does not number.
    /// </summary>
    private sealed class ScopeSummary(Scope scope)
    {
        private readonly ValueSet[] _slots = scope.NameCount == 0 ? [] : new ValueSet[scope.NameCount];
        private Dictionary<string, ValueSet>? _extra;

        public bool TryGet(int slot, string name, out ValueSet value)
        {
            if ((uint)slot < (uint)_slots.Length)
            {
                value = _slots[slot];
                return !value.IsUnset;
            }

            value = ValueSet.Empty;
            return _extra is not null && _extra.TryGetValue(name, out value);
        }

        public void Add(int slot, string name, ValueSet value)
        {
            value = value.IsUnset ? ValueSet.Empty : value;
            if ((uint)slot < (uint)_slots.Length)
            {
                ref var entry = ref _slots[slot];
                entry = entry.IsUnset ? value : entry.Union(value);
                return;
            }

            _extra ??= new Dictionary<string, ValueSet>(StringComparer.Ordinal);
            _extra[name] = _extra.TryGetValue(name, out var existing) ? existing.Union(value) : value;
        }
    }

    private void RecordImport(string module, string? member, Node node, ImportKind kind, bool computed)
    {
        var key = (node, module + "|" + member);
        if (_importKeys.Add(key))
        {
            _imports.Add(new ImportRecord(module, member, node, kind, computed));
        }
    }

    private Scope ScopeOf(Node node) => _scopes[node];

    private Frame NewFrame(Scope scope) => new(scope, new Env(scope));
}
