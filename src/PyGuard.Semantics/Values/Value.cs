using System.Collections.Immutable;
using PyGuard.Syntax.Tree;

namespace PyGuard.Semantics.Values;

/// <summary>
/// One thing an expression may evaluate to at run time, as far as the analysis can tell. The abstract
/// interpreter computes a <see cref="ValueSet"/> of these for every expression it reaches.
/// </summary>
public abstract record Value;

/// <summary>A known constant (str, bytes, int, ..., or a tuple/list of constants).</summary>
public sealed record ConstValue(PyValue Constant) : Value
{
    public override string ToString() => PyValueFormatting.ToPythonRepr(Constant) ?? Constant.TypeName;
}

/// <summary>
/// A module or something reached from one by attribute access: <c>os</c>, <c>os.system</c>,
/// <c>builtins.eval</c>, <c>subprocess.Popen</c>. Names are canonical (<c>posix.system</c> is
/// <c>os.system</c>); see <see cref="Knowledge.QualifiedNames"/>.
/// </summary>
public sealed record RefValue(string QualifiedName) : Value
{
    public override string ToString() => QualifiedName;
}

/// <summary>An object made by a known factory or class, named by its type (<c>socket.socket</c>, <c>re.Pattern</c>).</summary>
public sealed record InstanceValue(string TypeName) : Value
{
    public override string ToString() => $"<{TypeName} instance>";
}

/// <summary>A function or lambda defined in the scanned file.</summary>
public sealed record FunctionValue(Node Definition) : Value
{
    public override string ToString() => Definition is StmtFunctionDef f ? $"<function {f.Name}>" :
        Definition is StmtAsyncFunctionDef a ? $"<function {a.Name}>" : "<lambda>";
}

/// <summary>A class defined in the scanned file.</summary>
public sealed record ClassValue(StmtClassDef Definition) : Value
{
    public override string ToString() => $"<class {Definition.Name}>";
}

/// <summary>
/// A module's namespace seen as a dict: <c>globals()</c>, <c>vars(os)</c>, <c>builtins.__dict__</c>,
/// <c>f.__globals__</c>. Subscripting it with a known key reaches the module's member.
/// </summary>
public sealed record NamespaceValue(string ModuleName) : Value
{
    /// <summary>The scanned file's own namespace (what <c>globals()</c> returns at module level).</summary>
    public const string CurrentModule = "__main__";

    public override string ToString() => $"<namespace of {ModuleName}>";
}

/// <summary>A method bound to a known constant, such as <c>''.join</c> or <c>'so'.__getitem__</c>.</summary>
public sealed record BoundMethodValue(PyValue Receiver, string Name) : Value
{
    public override string ToString() => $"<method {Name} of {Receiver.TypeName}>";
}

/// <summary>A list, tuple or set whose elements are not all constants, e.g. <c>[eval, exec]</c>.</summary>
public sealed record ContainerValue(string Type, ImmutableArray<ValueSet> Items) : Value
{
    /// <summary>Items counted through nested containers and sequences; bounds the work of comparing and hashing.</summary>
    public int Weight { get; } = Items.Sum(set => 1 + set.Items.Sum(v => v switch
    {
        ContainerValue c => c.Weight,
        ConstValue { Constant: PySequence s } => s.Weight,
        _ => 0,
    }));

    public bool Equals(ContainerValue? other) =>
        other is not null && Type == other.Type && Items.AsSpan().SequenceEqual(other.Items.AsSpan());

    public override int GetHashCode() => HashCode.Combine(Type, Items.Length);

    public override string ToString() => $"<{Type} of {Items.Length}>";
}

/// <summary>A dict literal whose keys are constants.</summary>
public sealed record DictValue(ImmutableArray<KeyValuePair<PyValue, ValueSet>> Entries) : Value
{
    public bool Equals(DictValue? other)
    {
        // Entry by entry: KeyValuePair has no equality of its own, so comparing pairs with the default
        // comparer boxes both and compares their fields by reflection.
        if (other is null || Entries.Length != other.Entries.Length)
        {
            return false;
        }

        for (var i = 0; i < Entries.Length; i++)
        {
            var (key, value) = Entries[i];
            var (otherKey, otherValue) = other.Entries[i];
            if (!Equals(key, otherKey) || value != otherValue)
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode() => Entries.Length;

    public bool TryGet(PyValue key, out ValueSet value)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Equals(key))
            {
                value = entry.Value;
                return true;
            }
        }

        value = ValueSet.Unknown;
        return false;
    }

    public override string ToString() => $"<dict of {Entries.Length}>";
}

/// <summary>
/// A lookup method of a namespace or dict — <c>vars(builtins).get</c>, <c>globals().pop</c> — which,
/// called with a known key, reaches the same member as a subscript would.
/// </summary>
public sealed record LookupMethodValue(Value Receiver, string Name) : Value
{
    public override string ToString() => $"<{Name} of {Receiver}>";
}

/// <summary>
/// A callable made by <c>operator.attrgetter</c> with its attribute paths known: called on an object, it
/// reads them (<c>attrgetter('system')(os)</c> is <c>os.system</c>).
/// </summary>
public sealed record AttributeGetterValue(ImmutableArray<string> Paths) : Value
{
    public override string ToString() => $"<attrgetter {string.Join(", ", Paths)}>";
}

/// <summary>
/// A <c>functools.partial</c> of known callables: calling it calls them, after the arguments it holds
/// (<paramref name="HoldsArguments"/>) when it holds any.
/// </summary>
public sealed record PartialValue(ValueSet Function, bool HoldsArguments) : Value
{
    public override string ToString() => $"<partial of {Function}>";
}

/// <summary>
/// A callable made by <c>operator.methodcaller</c> with its method name known: called on an object, it
/// calls that method of it (<c>methodcaller('system', 'id')(os)</c> runs <c>os.system('id')</c>).
/// </summary>
public sealed record MethodCallerValue(string Name) : Value
{
    public override string ToString() => $"<methodcaller {Name}>";
}

/// <summary>An instance of a class defined in the scanned file; its attributes come from the class body or its bases.</summary>
public sealed record ObjectValue(StmtClassDef Definition) : Value
{
    public override string ToString() => $"<{Definition.Name} instance>";
}

/// <summary>
/// A compiled regular expression whose pattern is known: the result of <c>re.compile(pattern, flags)</c>.
/// Its methods are named <c>re.Pattern.match</c> and so on; the ReDoS rules read the pattern from here.
/// </summary>
public sealed record RegexValue(PyValue Pattern, long Flags, Node Site) : Value
{
    public override string ToString() => $"<re.Pattern {PyValueFormatting.ToPythonRepr(Pattern)}>";
}
