using PyGuard.Regex.Automata;

namespace PyGuard.Regex.Analysis;

/// <summary>
/// Finds pumpable forks: a state p with two different paths from p back to p reading the same word, which
/// makes the number of paths exponential in the number of repetitions (EDA). As in Allauzen, Mohri and
/// Rastogi (2008) and Weideman et al. (2016), this is a strongly connected component of the product
/// automaton A×A that holds a pair (p, p) and either a pair (q, r) with q ≠ r or an edge that stands for two
/// parallel paths. Only pairs inside one component of A are built, since both paths must stay in it.
/// </summary>
internal static class ExponentialAmbiguity
{
    public static List<AmbiguityWitness> Find(LabelledNfa a, Budget budget, int maxWitnesses)
    {
        var found = new List<AmbiguityWitness>();
        var members = Enumerable.Range(0, a.StateCount).GroupBy(s => a.Component[s]);
        foreach (var component in members)
        {
            if (!a.CyclicComponents[component.Key])
            {
                continue;
            }

            var states = component.ToArray();

            var witness = InComponent(a, states, budget);
            if (budget.Exhausted)
            {
                break;
            }

            if (witness is not null)
            {
                found.Add(witness);
                if (found.Count >= maxWitnesses)
                {
                    break;
                }
            }
        }

        return found;
    }

    private readonly record struct ProductEdge(int Target, BitSet Label, bool Divergent);

    private static AmbiguityWitness? InComponent(LabelledNfa a, int[] states, Budget budget)
    {
        var c = a.Component[states[0]];
        var graph = new PairGraph<ProductEdge>();
        var pairs = graph.Pairs;
        var edges = graph.Edges;
        int Intern(int p, int q) => graph.Intern(p, q);

        foreach (var s in states)
        {
            Intern(s, s);
        }

        for (var i = 0; i < pairs.Count; i++)
        {
            var (p, q) = pairs[i];
            foreach (var e1 in a.Edges[p])
            {
                if (a.Component[e1.Target] != c)
                {
                    continue;
                }

                foreach (var e2 in a.Edges[q])
                {
                    if (!budget.Spend())
                    {
                        return null;
                    }

                    if (a.Component[e2.Target] != c)
                    {
                        continue;
                    }

                    var label = e1.Label.And(e2.Label);
                    if (label.IsEmpty)
                    {
                        continue;
                    }

                    var target = Intern(e1.Target, e2.Target);
                    edges[i].Add(new ProductEdge(target, label, false));
                    if (p == q && e1.Target == e2.Target && !e1.Multiple.IsEmpty)
                    {
                        edges[i].Add(new ProductEdge(target, e1.Multiple, true));
                    }
                }
            }
        }

        var component = Components.Of(pairs.Count, i => edges[i].Select(e => e.Target), out var count);
        var diverges = new bool[count];
        for (var i = 0; i < pairs.Count; i++)
        {
            if (pairs[i].P != pairs[i].Q || edges[i].Any(e => e.Divergent && component[e.Target] == component[i]))
            {
                diverges[component[i]] = true;
            }
        }

        // The first pairs interned are the diagonal ones, in the order of `states`.
        for (var d = 0; d < states.Length; d++)
        {
            if (diverges[component[d]])
            {
                return Witness(pairs, edges, component, d, budget);
            }
        }

        return null;
    }

    /// <summary>A shortest cycle through the diagonal pair that diverges somewhere, read off as a word.</summary>
    private static AmbiguityWitness? Witness(List<(int P, int Q)> pairs, List<List<ProductEdge>> edges,
        int[] component, int start, Budget budget)
    {
        var k = component[start];
        // Search states: (pair, diverged yet).
        var previous = new Dictionary<(int, bool), ((int, bool) From, int Class)>();
        var queue = new Queue<(int Node, bool Diverged)>();
        queue.Enqueue((start, false));
        var goal = (start, true);
        while (queue.Count > 0 && !previous.ContainsKey(goal))
        {
            if (!budget.Spend())
            {
                return null;
            }

            var (node, diverged) = queue.Dequeue();
            foreach (var e in edges[node])
            {
                if (component[e.Target] != k)
                {
                    continue;
                }

                var next = (e.Target, diverged || e.Divergent || pairs[e.Target].P != pairs[e.Target].Q);
                if (next == (start, false) || previous.ContainsKey(next))
                {
                    continue;
                }

                previous[next] = ((node, diverged), e.Label.First());
                queue.Enqueue(next);
            }
        }

        if (!previous.ContainsKey(goal))
        {
            return null;
        }

        var word = new List<int>();
        var involved = new HashSet<int>();
        var at = goal;
        while (at != (start, false))
        {
            var (from, cls) = previous[at];
            word.Add(cls);
            involved.Add(pairs[at.Item1].P);
            involved.Add(pairs[at.Item1].Q);
            at = from;
        }

        word.Reverse();
        return new AmbiguityWitness(pairs[start].P, [.. word], 0, [.. involved]);
    }
}
