using System.Runtime.InteropServices;
using PyGuard.Syntax.Tree;

namespace PyGuard.Semantics.Scopes;

public enum ScopeKind
{
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

[Flags]
public enum SymbolFlags
{
    None = 0,

    /// <summary>Assigned, imported, defined, deleted or a parameter in this scope.</summary>
    Bound = 1,

    /// <summary>Declared <c>global</c> here.</summary>
    Global = 2,

    /// <summary>Declared <c>nonlocal</c> here.</summary>
    Nonlocal = 4,

    Parameter = 8,

    /// <summary>Read somewhere in this scope.</summary>
    Used = 16,
}

/// <summary>
/// A Python scope (module, class, function, lambda or comprehension) and the names bound in it, with
/// Python's rules for where a name read in it is looked up.
/// </summary>
public sealed class Scope
{
    // Each name's flags and its slot: names are numbered in the order they are first seen, so that the
    // interpreter can keep a scope's variables in an array instead of a table per program point.
    private readonly Dictionary<string, (SymbolFlags Flags, int Slot)> _symbols = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly List<Scope> _children = [];
    private List<string>? _starImports;
    private List<string>? _globalDeclarations;

    // Where each numbered name read here resolves (see Resolve); null until the scope is complete.
    private Resolution[]? _resolutions;

    private readonly record struct Resolution(Scope? Owner, int Slot, bool Known);

    internal Scope(ScopeKind kind, Node node, Scope? parent)
    {
        Kind = kind;
        Node = node;
        Parent = parent;
        parent?._children.Add(this);
    }

    public ScopeKind Kind { get; }

    /// <summary>The node that opens the scope: the module, a def, a class, a lambda or a comprehension.</summary>
    public Node Node { get; }

    public Scope? Parent { get; }

    /// <summary>
    /// Whether the body of this function or lambda holds a <c>yield</c> of its own (one in a comprehension of
    /// the body counts; one in a nested def, lambda or class does not), so that calling it makes a generator.
    /// </summary>
    public bool IsGenerator { get; internal set; }

    public IReadOnlyList<Scope> Children => _children;

    /// <summary>The names declared <c>global</c> in this scope, in the order first declared.</summary>
    internal IReadOnlyList<string> GlobalDeclarations => (IReadOnlyList<string>?)_globalDeclarations ?? [];

    /// <summary>Modules imported with <c>from M import *</c> into this scope.</summary>
    public IReadOnlyList<string> StarImports => (IReadOnlyList<string>?)_starImports ?? [];

    public IEnumerable<string> Names => _names;

    /// <summary>How many names the scope binds or reads: the size tables of its variables start at.</summary>
    public int NameCount => _symbols.Count;

    public bool IsFunctionLike => Kind is ScopeKind.Function or ScopeKind.Lambda;

    /// <summary>Scopes are equal only to themselves.</summary>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <summary>
    /// The opening node's hash: tables keyed by scope are hit on every binding, and the runtime's identity
    /// hash, created in each new object's header on first use, cost more than the look-ups in profiles.
    /// </summary>
    public override int GetHashCode() => Node.GetHashCode();

    public SymbolFlags FlagsOf(string name) => SymbolOf(name, out _);

    /// <summary>The name's number in this scope (0 to <see cref="NameCount"/> - 1), or -1 when the scope does not know it.</summary>
    internal int SlotOf(string name)
    {
        SymbolOf(name, out var slot);
        return slot;
    }

    /// <summary>The name numbered <paramref name="slot"/>.</summary>
    internal string NameAt(int slot) => _names[slot];

    /// <summary>Whether reading <paramref name="name"/> here reads this scope's own binding.</summary>
    public bool IsLocal(string name) => IsLocal(FlagsOf(name));

    private static bool IsLocal(SymbolFlags flags) =>
        (flags & SymbolFlags.Bound) != 0 && (flags & (SymbolFlags.Global | SymbolFlags.Nonlocal)) == 0;

    public Scope Module
    {
        get
        {
            var scope = this;
            while (scope.Parent is not null)
            {
                scope = scope.Parent;
            }

            return scope;
        }
    }

    /// <summary>
    /// The scope whose binding a read of <paramref name="name"/> in this scope sees, or null when the
    /// name is not bound in any enclosing scope (a builtin, or a NameError). Class scopes are invisible
    /// to the scopes nested in them, as in Python.
    /// </summary>
    public Scope? Resolve(string name) => Resolve(name, out _);

    /// <summary>
    /// <see cref="Resolve(string)"/>, also giving the name's slot in the scope found (-1 when there is none),
    /// so that the interpreter reads the binding without looking the name up again.
    /// </summary>
    internal Scope? Resolve(string name, out int slot)
    {
        // Every name the interpreter reads comes through here, many times over (function bodies run with
        // unknown and with known arguments, loops unroll). Once the scopes are complete a name's resolution
        // cannot change, so it is worked out once per numbered name; before that, or for a name this scope
        // does not number, it is worked out each time.
        var flags = SymbolOf(name, out var own);
        if (_resolutions is null || (uint)own >= (uint)_resolutions.Length)
        {
            return ResolveUncached(name, flags, own, out slot);
        }

        ref var resolution = ref _resolutions[own];
        if (!resolution.Known)
        {
            resolution = new Resolution(ResolveUncached(name, flags, own, out var found), found, Known: true);
        }

        slot = resolution.Slot;
        return resolution.Owner;
    }

    /// <summary>Walks the enclosing scopes as Python does; <paramref name="own"/> is the name's slot here.</summary>
    private Scope? ResolveUncached(string name, SymbolFlags flags, int own, out int slot)
    {
        slot = own;
        if (Kind == ScopeKind.Module)
        {
            return IsLocal(flags) ? this : Unresolved(out slot);
        }

        if ((flags & SymbolFlags.Global) != 0)
        {
            return Module.LocalOrNull(name, out slot);
        }

        if (IsLocal(flags))
        {
            return this;
        }

        for (var scope = Parent; scope is not null; scope = scope.Parent)
        {
            if (scope.Kind == ScopeKind.Class)
            {
                continue;
            }

            if (scope.Kind == ScopeKind.Module)
            {
                return scope.LocalOrNull(name, out slot);
            }

            var outer = scope.SymbolOf(name, out slot);
            if ((outer & SymbolFlags.Global) != 0)
            {
                return Module.LocalOrNull(name, out slot);
            }

            if (IsLocal(outer))
            {
                return scope;
            }
        }

        return Unresolved(out slot);
    }

    /// <summary>The flags and the slot of <paramref name="name"/> here, with one look-up.</summary>
    internal SymbolFlags SymbolOf(string name, out int slot)
    {
        if (_symbols.TryGetValue(name, out var symbol))
        {
            slot = symbol.Slot;
            return symbol.Flags;
        }

        slot = -1;
        return SymbolFlags.None;
    }

    private Scope? LocalOrNull(string name, out int slot) =>
        IsLocal(SymbolOf(name, out slot)) ? this : Unresolved(out slot);

    private static Scope? Unresolved(out int slot)
    {
        slot = -1;
        return null;
    }

    /// <summary>The scope a walrus in this scope binds in: comprehensions bind in their enclosing scope.</summary>
    public Scope WalrusTarget
    {
        get
        {
            var scope = this;
            while (scope.Kind == ScopeKind.Comprehension && scope.Parent is not null)
            {
                scope = scope.Parent;
            }

            return scope;
        }
    }

    /// <summary>
    /// Marks the scope complete: the builder has recorded every name, so resolutions are fixed from now on
    /// and may be kept. Called on every scope of a module at once, because a binding added to one scope
    /// changes what names read in the scopes nested in it resolve to.
    /// </summary>
    internal void Complete() => _resolutions = new Resolution[_names.Count];

    internal void Add(string name, SymbolFlags flags)
    {
        if (_resolutions is not null)
        {
            throw new InvalidOperationException("a complete scope gains no names");
        }

        ref var symbol = ref CollectionsMarshal.GetValueRefOrAddDefault(_symbols, name, out var exists);
        if (!exists)
        {
            symbol.Slot = _names.Count;
            _names.Add(name);
        }

        if ((flags & ~symbol.Flags & SymbolFlags.Global) != 0)
        {
            (_globalDeclarations ??= []).Add(name);
        }

        symbol.Flags |= flags;
    }

    internal void AddStarImport(string module) => (_starImports ??= []).Add(module);

    public override string ToString() => $"{Kind} scope at {Node.Span}";
}
