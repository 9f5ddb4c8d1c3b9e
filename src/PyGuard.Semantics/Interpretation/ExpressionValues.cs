using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Semantics.Interpretation;

/// <summary>
/// The value set recorded for each expression, in an array indexed by <see cref="Node.Index"/>. Every
/// analyzer asks for the value of nearly every expression, and the interpreter records one per
/// evaluation, so this replaces a dictionary whose hashing and resizing were a visible part of a scan.
/// A slot also keeps its expression, so a node of another tree (or one made by the analysis, which has
/// no index) is never mistaken for the node that owns the slot; those few go to a side dictionary.
/// </summary>
internal sealed class ExpressionValues
{
    private readonly Expr?[] _owners;
    private readonly ValueSet[] _values;
    private Dictionary<Expr, ValueSet>? _others;

    public ExpressionValues(int nodeCount)
    {
        _owners = new Expr?[nodeCount];
        _values = new ValueSet[nodeCount];
    }

    /// <summary>The slot for <paramref name="expr"/>, created empty when it had none (<paramref name="exists"/> false).</summary>
    public ref ValueSet GetOrAddSlot(Expr expr, out bool exists)
    {
        var index = expr.Index;
        if ((uint)index < (uint)_owners.Length)
        {
            var owner = _owners[index];
            if (owner is null)
            {
                _owners[index] = expr;
                exists = false;
                return ref _values[index];
            }

            if (ReferenceEquals(owner, expr))
            {
                exists = true;
                return ref _values[index];
            }
        }

        _others ??= [];
        return ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_others, expr, out exists);
    }

    public bool TryGetValue(Expr expr, out ValueSet value)
    {
        var index = expr.Index;
        if ((uint)index < (uint)_owners.Length && ReferenceEquals(_owners[index], expr))
        {
            value = _values[index];
            return true;
        }

        if (_others is not null)
        {
            return _others.TryGetValue(expr, out value);
        }

        value = default;
        return false;
    }

    /// <summary>Every recorded value set, in no particular order.</summary>
    public IEnumerable<ValueSet> All
    {
        get
        {
            for (var i = 0; i < _owners.Length; i++)
            {
                if (_owners[i] is not null)
                {
                    yield return _values[i];
                }
            }

            if (_others is not null)
            {
                foreach (var value in _others.Values)
                {
                    yield return value;
                }
            }
        }
    }
}
