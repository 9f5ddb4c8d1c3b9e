using PyGuard.Semantics.Values;

namespace PyGuard.Semantics.Interpretation;

/// <summary>
/// The abstract state at one program point of one scope: what each local name may hold. A name that is
/// absent has not been bound on this path. Joining two states (after an if, a loop, a try) unions the
/// values; a name bound on only one side may also still be unbound, which the join's <c>initial</c>
/// function models.
/// </summary>
/// <remarks>
/// States are copied at every branch but most branches bind nothing, so the dictionary is shared on
/// <see cref="Clone"/> and copied on the first write (copy-on-write); joining two states that still share
/// one dictionary costs nothing.
/// </remarks>
internal sealed class Env
{
    private Dictionary<string, ValueSet> _vars;
    private bool _shared;

    public Env(int capacity = 0)
    {
        _vars = new Dictionary<string, ValueSet>(capacity, StringComparer.Ordinal);
    }

    private Env(Dictionary<string, ValueSet> vars, bool reachable, bool shared)
    {
        _vars = vars;
        Reachable = reachable;
        _shared = shared;
    }

    /// <summary>False after return, raise, break or continue: nothing here runs.</summary>
    public bool Reachable { get; set; } = true;

    public IEnumerable<KeyValuePair<string, ValueSet>> Vars => _vars;

    public bool TryGet(string name, out ValueSet value) => _vars.TryGetValue(name, out value);

    public void Set(string name, ValueSet value)
    {
        if (_vars.TryGetValue(name, out var existing) && existing == value)
        {
            return;
        }

        Own();
        _vars[name] = value;
    }

    public void Remove(string name)
    {
        if (_vars.ContainsKey(name))
        {
            Own();
            _vars.Remove(name);
        }
    }

    public Env Clone()
    {
        _shared = true;
        return new Env(_vars, Reachable, shared: true);
    }

    /// <summary>A state from which nothing runs: the identity of <see cref="Join"/>.</summary>
    public static Env Unreachable() => new() { Reachable = false };

    /// <summary>The state that holds after either of two paths.</summary>
    public static Env Join(Env a, Env b, Func<string, ValueSet> initial)
    {
        if (!a.Reachable)
        {
            return b.Clone();
        }

        if (!b.Reachable || ReferenceEquals(a._vars, b._vars))
        {
            return a.Clone();
        }

        var result = new Dictionary<string, ValueSet>(a._vars, StringComparer.Ordinal);
        foreach (var (name, value) in b._vars)
        {
            result[name] = result.TryGetValue(name, out var existing) ? existing.Union(value) : value.Union(initial(name));
        }

        foreach (var (name, value) in a._vars)
        {
            if (!b._vars.ContainsKey(name))
            {
                result[name] = value.Union(initial(name));
            }
        }

        return new Env(result, true, shared: false);
    }

    public bool SameAs(Env other)
    {
        if (Reachable != other.Reachable || _vars.Count != other._vars.Count)
        {
            return false;
        }

        if (ReferenceEquals(_vars, other._vars))
        {
            return true;
        }

        foreach (var (name, value) in _vars)
        {
            if (!other._vars.TryGetValue(name, out var theirs) || theirs != value)
            {
                return false;
            }
        }

        return true;
    }

    private void Own()
    {
        if (_shared)
        {
            _vars = new Dictionary<string, ValueSet>(_vars, StringComparer.Ordinal);
            _shared = false;
        }
    }
}
