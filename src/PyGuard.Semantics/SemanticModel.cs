using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

using PyGuard.Semantics.DataFlow;
using PyGuard.Semantics.Interpretation;
using PyGuard.Semantics.Scopes;
using PyGuard.Semantics.Values;
using PyGuard.Syntax;
using PyGuard.Syntax.Tree;

namespace PyGuard.Semantics;

/// <summary>
/// What the analysis knows about one file beyond its syntax: scopes and bindings, the values every
/// expression may take (constants folded, references resolved through aliases, getattr, dynamic imports
/// and builtins dicts), every import however it is written, and function summaries. Built once per file,
/// then read by every analyzer; it is not shared between threads.
/// </summary>
public sealed class SemanticModel
{
    private readonly IReadOnlyDictionary<Node, Scope> _scopes;
    private readonly ExpressionValues _values;
    private readonly IReadOnlyDictionary<Node, ValueSet> _returns;
    private ExprCall? _lastCall;
    private ImmutableArray<string> _lastCallNames = [];

    private readonly IReadOnlySet<string> _literals;
    private readonly string? _interpreterIncomplete;
    private TaintAnalysis? _dataFlow;
    private bool? _mayHoldSensitiveData;
    private HashSet<string>? _objectPackages;
    private HashSet<string>? _referencedNames;
    private HashSet<string>? _instanceTypes;
    private IReadOnlySet<string>? _lastPackages;
    private bool _lastPackagesHeld;
    private ExprCall? _answerCall;
    private object? _answerFunction;
    private object? _answer;

    private SemanticModel(SyntaxTree tree, Scope moduleScope, IReadOnlyDictionary<Node, Scope> scopes, IReadOnlySet<string> literals, Interpreter interpreter)
    {
        _literals = literals;
        Tree = tree;
        ModuleScope = moduleScope;
        _scopes = scopes;
        _values = interpreter.Values;
        _returns = interpreter.Returns;
        Imports = interpreter.Imports;
        _interpreterIncomplete = interpreter.IncompleteReason;
    }

    /// <summary>Builds the model. <paramref name="stepBudget"/> bounds the interpreter's work; null scales it with the file.</summary>
    public static SemanticModel Build(SyntaxTree tree, long? stepBudget = null)
    {
        var (moduleScope, scopes, literals) = ScopeBuilder.Build(tree.Root);
        var budget = stepBudget ?? (200_000 + (400L * tree.Text.LineCount));
        var interpreter = new Interpreter(tree.Root, moduleScope, scopes, literals, budget, tree.NodeCount);
        try
        {
            interpreter.Run();
        }
        catch (InsufficientExecutionStackException)
        {
            // The interpreter checks the stack itself; this catches the walkers it borrows.
        }

        return new SemanticModel(tree, moduleScope, scopes, literals, interpreter);
    }

    public SyntaxTree Tree { get; }

    public Scope ModuleScope { get; }

    /// <summary>Every import, static or dynamic, in source order of discovery.</summary>
    public IReadOnlyList<ImportRecord> Imports { get; }

    /// <summary>Why the model is incomplete (budget or nesting exhausted), or null when it is complete.</summary>
    public string? IncompleteReason => _interpreterIncomplete ?? _dataFlow?.IncompleteReason;

    /// <summary>Taint tracking of sensitive data through the file, computed the first time it is asked for.</summary>
    public TaintAnalysis DataFlow => _dataFlow ??= TaintAnalysis.Build(this);

    /// <summary>
    /// Whether any expression may take a value from which sensitive data enters (an environment lookup, a
    /// credential file's path, host identity, the clipboard, a process's output...). When none does, no
    /// expression is tainted and the taint analysis has nothing to solve.
    /// </summary>
    public bool MayHoldSensitiveData => _mayHoldSensitiveData ??= AnyRecordedValue(SensitiveSources.MayBeSource);

    /// <summary>
    /// Whether some expression may hold a library object (a module, function or class reached by name) or an
    /// instance of a library class whose top-level package is one of <paramref name="packages"/>. A method
    /// name the data flow could give a receiver is built from exactly such values, so when none is held
    /// the flow graph has no answer to give and need not be built.
    /// </summary>
    public bool MayHoldObjectFrom(IReadOnlySet<string> packages)
    {
        // Rules ask with one of a few fixed sets, once per call of a method they know: the last answer is kept.
        if (ReferenceEquals(packages, _lastPackages))
        {
            return _lastPackagesHeld;
        }

        if (_objectPackages is null)
        {
            IndexObjects();
            _objectPackages = new HashSet<string>(StringComparer.Ordinal);
            var bySpan = _objectPackages.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var name in _referencedNames.Concat(_instanceTypes))
            {
                // The top-level package, without a substring for every name.
                var dot = name.IndexOf('.');
                bySpan.Add(dot < 0 ? name : name.AsSpan(0, dot));
            }
        }

        _lastPackages = packages;
        _lastPackagesHeld = _objectPackages.Overlaps(packages);
        return _lastPackagesHeld;
    }

    /// <summary>
    /// Whether some expression may hold a reference (<see cref="RefValue"/>) to one of <paramref name="qualifiedNames"/>.
    /// A rule that reports where such a reference is used, however it is spelt, has nothing to find in a file
    /// where no expression holds one: one pass over the file's values answers for all its nodes.
    /// </summary>
    public bool MayHoldReferenceTo(IReadOnlySet<string> qualifiedNames)
    {
        IndexObjects();
        foreach (var name in qualifiedNames)
        {
            if (_referencedNames.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reads the file's values once, for every rule that asks <see cref="MayHoldObjectFrom"/> or
    /// <see cref="MayHoldReferenceTo"/>: the qualified names they refer to and the types of the instances they hold.
    /// </summary>
    [MemberNotNull(nameof(_referencedNames), nameof(_instanceTypes))]
    private void IndexObjects()
    {
        if (_referencedNames is not null && _instanceTypes is not null)
        {
            return;
        }

        _referencedNames = new HashSet<string>(StringComparer.Ordinal);
        _instanceTypes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var items in _values.AllItems)
        {
            foreach (var item in items)
            {
                switch (item)
                {
                    case RefValue reference:
                        _referencedNames.Add(reference.QualifiedName);
                        break;
                    case InstanceValue instance:
                        _instanceTypes.Add(instance.TypeName);
                        break;
                }
            }
        }
    }

    private bool AnyRecordedValue(Func<Value, bool> predicate)
    {
        foreach (var items in _values.AllItems)
        {
            foreach (var item in items)
            {
                if (predicate(item))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Hands the recorded values back for the next file on this thread. The engine calls it once every
    /// analyzer is done with the file; afterwards every expression reads as unknown.
    /// </summary>
    internal void ReleaseValues() => _values.Release();

    /// <summary>Whether <paramref name="text"/> is written as a string literal somewhere in the file.</summary>
    public bool IsWrittenLiteral(string text) => _literals.Contains(text);

    /// <summary>Whether <paramref name="fragment"/> appears, ignoring case, inside some string literal written in the file.</summary>
    public bool AppearsInLiteral(string fragment)
    {
        foreach (var literal in _literals)
        {
            if (literal.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The scope a module, class, def, lambda or comprehension node opens.</summary>
    public Scope? ScopeOpenedBy(Node node) => _scopes.GetValueOrDefault(node);

    /// <summary>The innermost scope that contains <paramref name="node"/>.</summary>
    public Scope ScopeContaining(Node node)
    {
        for (var current = ParentOf(node); current is not null; current = ParentOf(current))
        {
            if (_scopes.TryGetValue(current, out var scope))
            {
                return scope;
            }
        }

        return ModuleScope;
    }

    /// <summary>The values <paramref name="expr"/> may take; unknown for code the interpreter never reached.</summary>
    public ValueSet ValueOf(Expr expr) => _values.TryGetValue(expr, out var value) ? value : ValueSet.Unknown;

    /// <summary>The single constant <paramref name="expr"/> always evaluates to, or null.</summary>
    public PyValue? ConstantOf(Expr expr) => ValueOf(expr).Constant;

    /// <summary>The constant string (bytes read as latin-1) <paramref name="expr"/> always evaluates to, or null.</summary>
    public string? StringOf(Expr expr) => ConstantOf(expr) switch
    {
        PyStr s => s.Value,
        PyBytes b => b.AsLatin1(),
        _ => null,
    };

    /// <summary>Every qualified name <paramref name="expr"/> may refer to (<c>os.system</c>, <c>builtins.eval</c>, ...).</summary>
    public IEnumerable<string> QualifiedNamesOf(Expr expr) => ValueOf(expr).QualifiedNames;

    /// <summary>Whether <paramref name="expr"/> may refer to exactly <paramref name="qualifiedName"/>.</summary>
    public bool MayBe(Expr expr, string qualifiedName)
    {
        // A loop, not Any with a lambda: rules ask this of every call, and the lambda's closure was an allocation each time.
        foreach (var value in ValueOf(expr).Items)
        {
            if (value is RefValue r && r.QualifiedName == qualifiedName)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The qualified names the callee of <paramref name="call"/> may be. Every analyzer asks this of every
    /// call, one after another, so the answer for the last call asked about is kept (a table for every
    /// call measured slower: its size put large files' tables on the large-object heap).
    /// </summary>
    public ImmutableArray<string> CalleeNames(ExprCall call)
    {
        if (!ReferenceEquals(call, _lastCall))
        {
            _lastCallNames = NamesOfCallee(call);
            _lastCall = call;
        }

        return _lastCallNames;
    }

    /// <summary>
    /// An answer derived from <paramref name="call"/> by <paramref name="compute"/>, kept while the rules
    /// that ask it look at the same call one after another (the walk gives every rule a node in turn).
    /// One answer is kept, for the last call and the last <paramref name="compute"/> asked; the function
    /// must depend on nothing but the model and the call.
    /// </summary>
    public T LastCallAnswer<T>(ExprCall call, Func<SemanticModel, ExprCall, T> compute)
        where T : class?
    {
        if (ReferenceEquals(call, _answerCall) && ReferenceEquals(compute, _answerFunction))
        {
            return (T)_answer!;
        }

        var value = compute(this, call);
        (_answerCall, _answerFunction, _answer) = (call, compute, value);
        return value;
    }

    private ImmutableArray<string> NamesOfCallee(ExprCall call)
    {
        var items = ValueOf(call.Func).Items;
        var count = 0;
        foreach (var item in items)
        {
            if (item is RefValue)
            {
                count++;
            }
        }

        if (count == 0)
        {
            return [];
        }

        // The array itself, without a builder: rules ask this of every call node.
        var names = new string[count];
        var index = 0;
        foreach (var item in items)
        {
            if (item is RefValue r)
            {
                names[index++] = r.QualifiedName;
            }
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(names);
    }

    /// <summary>What a function defined in this file returns when called with unknown arguments.</summary>
    public ValueSet ReturnValueOf(Node function) => _returns.TryGetValue(function, out var value) ? value : ValueSet.Unknown;

    /// <summary>The syntactic parent of a node.</summary>
    public Node? ParentOf(Node node) => node.Parent;

    /// <summary>The ancestors of a node, nearest first.</summary>
    public IEnumerable<Node> AncestorsOf(Node node)
    {
        for (var current = ParentOf(node); current is not null; current = ParentOf(current))
        {
            yield return current;
        }
    }
}
