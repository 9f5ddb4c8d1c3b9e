using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace PyGuard.Semantics.Values;

/// <summary>
/// The values an expression may have: a few known <see cref="Value"/>s, plus <see cref="MayBeOther"/> when
/// it may also be something the analysis cannot name (a parameter, input, a value widened in a loop).
/// Sets are small (at most <see cref="MaxItems"/>); a larger union collapses into "unknown".
/// </summary>
public readonly struct ValueSet : IEquatable<ValueSet>
{
    public const int MaxItems = 8;

    private readonly ImmutableArray<Value> _items;

    private ValueSet(ImmutableArray<Value> items, bool mayBeOther)
    {
        _items = items;
        MayBeOther = mayBeOther;
    }

    /// <summary>Nothing is known: any value is possible.</summary>
    public static ValueSet Unknown { get; } = new([], true);

    /// <summary>No value: code that cannot run, or a name that was never bound.</summary>
    public static ValueSet Empty { get; } = new([], false);

    public ImmutableArray<Value> Items => _items.IsDefault ? [] : _items;

    public bool MayBeOther { get; }

    /// <summary>
    /// Whether this is the struct's default rather than a set built by this type (which reads as the empty
    /// set): the interpreter's variable arrays use it to mean "not bound".
    /// </summary>
    internal bool IsUnset => _items.IsDefault;

    public bool IsEmpty => Items.IsEmpty && !MayBeOther;

    public bool IsUnknown => Items.IsEmpty && MayBeOther;

    /// <summary>The single known value when there is exactly one and nothing else is possible.</summary>
    public Value? Single => !MayBeOther && Items.Length == 1 ? Items[0] : null;

    /// <summary>The single known constant when the value is exactly one constant.</summary>
    public PyValue? Constant => Single is ConstValue c ? c.Constant : null;

    public static ValueSet Of(Value value) => new([value], false);

    // None and the booleans are the commonest constants (literals, and the result of every folded comparison):
    // they share one set each, which sets are immutable enough to allow.
    private static readonly ValueSet NoneSet = Of(new ConstValue(PyNone.Instance));
    private static readonly ValueSet TrueSet = Of(new ConstValue(PyBool.True));
    private static readonly ValueSet FalseSet = Of(new ConstValue(PyBool.False));

    public static ValueSet Of(PyValue constant) => constant switch
    {
        PyNone => NoneSet,
        PyBool b => b.Value ? TrueSet : FalseSet,
        _ => Of(new ConstValue(constant)),
    };

    public static ValueSet Ref(string qualifiedName) => Of(new RefValue(qualifiedName));

    public static ValueSet FromItems(IEnumerable<Value> values, bool mayBeOther = false)
    {
        if (values is IReadOnlyList<Value> { Count: <= 1 } few)
        {
            // Most results are one value or none: no builder for those.
            return few.Count == 1 ? new ValueSet([few[0]], mayBeOther) : mayBeOther ? Unknown : Empty;
        }

        var builder = ImmutableArray.CreateBuilder<Value>();
        foreach (var value in values)
        {
            if (builder.IndexOf(value) < 0)
            {
                if (builder.Count == MaxItems)
                {
                    return Unknown;
                }

                builder.Add(value);
            }
        }

        return new ValueSet(builder.ToImmutable(), mayBeOther);
    }

    /// <summary>
    /// The union of two sets. This is the interpreter's hottest operation (every recorded expression and
    /// every join goes through it), so it avoids LINQ and allocation when one side already holds the other.
    /// </summary>
    public ValueSet Union(ValueSet other)
    {
        var mine = Items;
        var theirs = other.Items;
        var mayBeOther = MayBeOther || other.MayBeOther;
        if (theirs.IsEmpty)
        {
            return mayBeOther == MayBeOther ? this : new ValueSet(mine, mayBeOther);
        }

        if (mine.IsEmpty)
        {
            return mayBeOther == other.MayBeOther ? other : new ValueSet(theirs, mayBeOther);
        }

        var missing = 0;
        foreach (var value in theirs)
        {
            if (mine.IndexOf(value) < 0)
            {
                missing++;
            }
        }

        if (missing == 0)
        {
            return mayBeOther == MayBeOther ? this : new ValueSet(mine, mayBeOther);
        }

        if (mine.Length + missing > MaxItems)
        {
            return Unknown;
        }

        // The exact size is known: fill an array and hand it over, without a builder object per union.
        var union = new Value[mine.Length + missing];
        mine.CopyTo(union);
        var next = mine.Length;
        foreach (var value in theirs)
        {
            if (mine.IndexOf(value) < 0)
            {
                union[next++] = value;
            }
        }

        return new ValueSet(ImmutableCollectionsMarshal.AsImmutableArray(union), mayBeOther);
    }

    /// <summary>The same set, marked as possibly holding other values too.</summary>
    public ValueSet WithOther() => MayBeOther ? this : new ValueSet(Items, true);

    /// <summary>Python truthiness when every possible value agrees, else null.</summary>
    public bool? Truthiness()
    {
        if (MayBeOther || Items.IsEmpty)
        {
            return null;
        }

        bool? result = null;
        foreach (var item in Items)
        {
            bool? truth = item switch
            {
                ConstValue c => c.Constant.Truthiness,
                // A RefValue may be a module (true) or a data attribute such as sys.argv (unknown).
                FunctionValue or ClassValue or BoundMethodValue or NamespaceValue => true,
                ContainerValue container => container.Items.Length > 0,
                DictValue dict => dict.Entries.Length > 0,
                _ => null,
            };
            if (truth is null || (result is not null && result != truth))
            {
                return null;
            }

            result = truth;
        }

        return result;
    }

    public bool Any(Func<Value, bool> predicate)
    {
        foreach (var item in Items)
        {
            if (predicate(item))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every qualified name this may refer to.</summary>
    /// <remarks>
    /// One iterator, and none for a set without values: rules ask this of many expressions, and the LINQ
    /// chain it replaced made three objects each time (the boxed array and two iterators).
    /// </remarks>
    public IEnumerable<string> QualifiedNames => Items.IsEmpty ? [] : NamesOf(Items);

    private static IEnumerable<string> NamesOf(ImmutableArray<Value> items)
    {
        foreach (var item in items)
        {
            if (item is RefValue r)
            {
                yield return r.QualifiedName;
            }
        }
    }

    /// <summary>Every constant string (or bytes read as latin-1) this may be.</summary>
    public IEnumerable<string> Strings
    {
        get
        {
            foreach (var item in Items)
            {
                if (item is ConstValue { Constant: PyStr s })
                {
                    yield return s.Value;
                }
                else if (item is ConstValue { Constant: PyBytes b })
                {
                    yield return b.AsLatin1();
                }
            }
        }
    }

    public bool Equals(ValueSet other)
    {
        if (MayBeOther != other.MayBeOther)
        {
            return false;
        }

        var mine = Items;
        var theirs = other.Items;
        if (mine.Length != theirs.Length)
        {
            return false;
        }

        if (mine.Length == 0 || (!_items.IsDefault && !other._items.IsDefault && _items == other._items))
        {
            return true;
        }

        foreach (var value in mine)
        {
            if (theirs.IndexOf(value) < 0)
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ValueSet other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(MayBeOther, Items.Length);

    public static bool operator ==(ValueSet left, ValueSet right) => left.Equals(right);

    public static bool operator !=(ValueSet left, ValueSet right) => !left.Equals(right);

    public override string ToString()
    {
        var parts = Items.Select(i => i.ToString()).ToList();
        if (MayBeOther)
        {
            parts.Add("?");
        }

        return "{" + string.Join(", ", parts) + "}";
    }
}
