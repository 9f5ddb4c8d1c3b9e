using PyGuard.Semantics.Values;

namespace PyGuard.Semantics.Interpretation;

/// <summary>
/// The abstract state at one program point of one scope: what each local name may hold. A name that is
/// absent has not been bound on this path. Joining two states (after an if, a loop, a try) unions the
/// values; a name bound on only one side may also still be unbound, which the join's <c>initial</c> function models.
/// </summary>
internal sealed class Env
{
    private Dictionary<string, ValueSet> _vars;

    public Env()
    {
        _vars = new Dictionary<string, ValueSet>(StringComparer.Ordinal);
    }

    private Env(Dictionary<string, ValueSet> vars, bool reachable)
    {
        _vars = vars;
        Reachable = reachable;
    }

    /// <summary>False after return, raise, break or continue: nothing here runs.</summary>
    public bool Reachable { get; set; } = true;

    public IEnumerable<KeyValuePair<string, ValueSet>> Vars => _vars;

    public bool TryGet(string name, out ValueSet value) => _vars.TryGetValue(name, out value);

    public void Set(string name, ValueSet value) => _vars[name] = value;

    public void Remove(string name) => _vars.Remove(name);

    public Env Clone() => new(new Dictionary<string, ValueSet>(_vars, StringComparer.Ordinal), Reachable);

    /// <summary>A state from which nothing runs: the identity of <see cref="Join"/>.</summary>
    public static Env Unreachable() => new() { Reachable = false };

    /// <summary>The state that holds after either of two paths.</summary>
    public static Env Join(Env a, Env b, Func<string, ValueSet> initial)
    {
        if (!a.Reachable)
        {
            return b.Clone();
        }

        if (!b.Reachable)
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

        return new Env(result, true);
    }

    /// <summary>Replaces this state with <paramref name="other"/> in place (frames keep their Env object).</summary>
    public void Assign(Env other)
    {
        _vars = new Dictionary<string, ValueSet>(other._vars, StringComparer.Ordinal);
        Reachable = other.Reachable;
    }

    public bool SameAs(Env other)
    {
        if (Reachable != other.Reachable || _vars.Count != other._vars.Count)
        {
            return false;
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
}
