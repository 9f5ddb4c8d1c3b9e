namespace PyGuard.Regex.Analysis;

/// <summary>
/// A product graph built on demand: pairs of automaton states get consecutive ids as they are first met,
/// each with its list of outgoing edges.
/// </summary>
internal sealed class PairGraph<TEdge>
{
    private readonly Dictionary<(int, int), int> _ids = [];

    public List<(int P, int Q)> Pairs { get; } = [];

    public List<List<TEdge>> Edges { get; } = [];

    public int Count => Pairs.Count;

    public int Intern(int p, int q)
    {
        if (!_ids.TryGetValue((p, q), out var id))
        {
            id = Pairs.Count;
            _ids[(p, q)] = id;
            Pairs.Add((p, q));
            Edges.Add([]);
        }

        return id;
    }
}
