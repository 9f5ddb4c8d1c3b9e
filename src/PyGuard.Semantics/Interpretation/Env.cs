using PyGuard.Semantics.Scopes;
using PyGuard.Semantics.Values;

namespace PyGuard.Semantics.Interpretation;

/// <summary>
/// The abstract state at one program point of one scope: what each local name may hold. A name that is
/// absent has not been bound on this path. Joining two states (after an if, a loop, a try) unions the
/// values; a name bound on only one side may also still be unbound, which the join's <c>initial</c>
/// function models.
/// </summary>
/// <remarks>
/// The scope numbers its names (<see cref="Scope.SlotOf"/>), so a state is an array indexed by that
/// number, where an unset entry is an unbound name; names the scope does not know (attributes stored on
/// a class body) go to a small side table. States are copied at every branch but most branches bind
/// nothing, so the arrays are shared on <see cref="Clone"/> and copied on the first write
/// (copy-on-write); joining two states that still share them costs nothing, and other joins walk the
/// two arrays side by side without hashing a name. This replaced a dictionary per state, whose copies
/// were the largest allocation of a scan.
/// </remarks>
internal sealed class Env
{
    private readonly Scope _scope;
    private ValueSet[] _slots;
    private Dictionary<string, ValueSet>? _extra;
    private bool _shared;

    public Env(Scope scope)
    {
        _scope = scope;
        _slots = scope.NameCount == 0 ? [] : new ValueSet[scope.NameCount];
    }

    private Env(Scope scope, ValueSet[] slots, Dictionary<string, ValueSet>? extra, bool reachable, bool shared)
    {
        _scope = scope;
        _slots = slots;
        _extra = extra;
        Reachable = reachable;
        _shared = shared;
    }

    /// <summary>False after return, raise, break or continue: nothing here runs.</summary>
    public bool Reachable { get; set; } = true;

    public bool TryGet(string name, out ValueSet value) => TryGet(_scope.SlotOf(name), name, out value);

    /// <summary>Reads <paramref name="name"/>, whose slot in this state's scope the caller already looked up (-1 when none).</summary>
    public bool TryGet(int slot, string name, out ValueSet value)
    {
        if ((uint)slot < (uint)_slots.Length)
        {
            value = _slots[slot];
            return !value.IsUnset;
        }

        if (_extra is not null && _extra.TryGetValue(name, out value))
        {
            return true;
        }

        value = ValueSet.Empty;
        return false;
    }

    public void Set(string name, ValueSet value) => Set(_scope.SlotOf(name), name, value);

    /// <summary>Binds <paramref name="name"/>, whose slot in this state's scope the caller already looked up (-1 when none).</summary>
    public void Set(int slot, string name, ValueSet value)
    {
        // An unset value would read as "unbound"; the struct's default means the empty set.
        value = value.IsUnset ? ValueSet.Empty : value;
        if ((uint)slot < (uint)_slots.Length)
        {
            var existing = _slots[slot];
            if (!existing.IsUnset && existing == value)
            {
                return;
            }

            Own();
            _slots[slot] = value;
            return;
        }

        if (_extra is not null && _extra.TryGetValue(name, out var old) && old == value)
        {
            return;
        }

        Own();
        (_extra ??= new Dictionary<string, ValueSet>(StringComparer.Ordinal))[name] = value;
    }

    public void Remove(string name)
    {
        var slot = _scope.SlotOf(name);
        if ((uint)slot < (uint)_slots.Length)
        {
            if (!_slots[slot].IsUnset)
            {
                Own();
                _slots[slot] = default;
            }

            return;
        }

        if (_extra is not null && _extra.ContainsKey(name))
        {
            Own();
            _extra!.Remove(name);
        }
    }

    public Env Clone()
    {
        _shared = true;
        return new Env(_scope, _slots, _extra, Reachable, shared: true);
    }

    /// <summary>A state of <paramref name="scope"/> from which nothing runs: the identity of <see cref="Join"/>.</summary>
    public static Env Unreachable(Scope scope) => new(scope) { Reachable = false };

    /// <summary>
    /// The state that holds after either of two paths (two states of the same scope); <paramref name="initial"/>
    /// gives what a name of the scope holds before it is bound.
    /// </summary>
    public static Env Join(Env a, Env b, Func<Scope, string, ValueSet> initial)
    {
        if (!a.Reachable)
        {
            return b.Clone();
        }

        if (!b.Reachable || (ReferenceEquals(a._slots, b._slots) && ReferenceEquals(a._extra, b._extra)))
        {
            return a.Clone();
        }

        // When only the side tables differ, the array is shared with both states: the result copies it on its first write.
        var sharesSlots = ReferenceEquals(a._slots, b._slots);
        var slots = sharesSlots ? a._slots : JoinSlots(a, b, initial);
        var extra = JoinExtra(a._scope, a._extra, b._extra, initial);
        return new Env(a._scope, slots, extra, true, shared: sharesSlots);
    }

    private static ValueSet[] JoinSlots(Env a, Env b, Func<Scope, string, ValueSet> initial)
    {
        var left = a._slots;
        var right = b._slots;
        var result = left.Length == 0 ? [] : new ValueSet[left.Length];
        for (var slot = 0; slot < left.Length; slot++)
        {
            var mine = left[slot];
            var theirs = right[slot];
            if (mine.IsUnset)
            {
                if (!theirs.IsUnset)
                {
                    result[slot] = theirs.Union(initial(a._scope, a._scope.NameAt(slot)));
                }
            }
            else
            {
                result[slot] = theirs.IsUnset ? mine.Union(initial(a._scope, a._scope.NameAt(slot))) : mine.Union(theirs);
            }
        }

        return result;
    }

    private static Dictionary<string, ValueSet>? JoinExtra(Scope scope, Dictionary<string, ValueSet>? a, Dictionary<string, ValueSet>? b, Func<Scope, string, ValueSet> initial)
    {
        if (a is null && b is null)
        {
            return null;
        }

        var result = a is null ? new Dictionary<string, ValueSet>(StringComparer.Ordinal) : new Dictionary<string, ValueSet>(a, StringComparer.Ordinal);
        if (b is not null)
        {
            foreach (var (name, value) in b)
            {
                result[name] = result.TryGetValue(name, out var existing) ? existing.Union(value) : value.Union(initial(scope, name));
            }
        }

        if (a is not null)
        {
            foreach (var (name, value) in a)
            {
                if (b is null || !b.ContainsKey(name))
                {
                    result[name] = value.Union(initial(scope, name));
                }
            }
        }

        return result;
    }

    private void Own()
    {
        if (_shared)
        {
            _slots = _slots.Length == 0 ? [] : (ValueSet[])_slots.Clone();
            _extra = _extra is null ? null : new Dictionary<string, ValueSet>(_extra, StringComparer.Ordinal);
            _shared = false;
        }
    }
}
