using PyGuard.Regex.Automata;

namespace PyGuard.Regex.Analysis;

/// <summary>
/// Finds polynomial ambiguity (IDA): two loops in different components, p ⟶w p, p ⟶w q, q ⟶w q for one word
/// w, found as a path from (p, p, q) to (p, q, q) in the triple product (Weber and Seidl 1991; Allauzen,
/// Mohri and Rastogi 2008). Chains of such links multiply: with k loops the backtracker explores about n^k
/// paths, which is the degree reported. A candidate pair (p, q) is taken once per component of the pair
/// automaton of p's and q's components, since every pair in one such component gives the same answer.
/// </summary>
internal static class PolynomialAmbiguity
{
    /// <summary>The words of the links found, best chains first.</summary>
    public static List<AmbiguityWitness> Find(LabelledNfa a, Budget budget, int maxLinks)
    {
        var links = new List<AmbiguityWitness>();
        var reach = Reachability(a);
        var cyclic = Enumerable.Range(0, a.ComponentCount).Where(c => a.CyclicComponents[c]).ToList();
        var statesOf = Enumerable.Range(0, a.StateCount).ToLookup(s => a.Component[s]);
        foreach (var c1 in cyclic.OrderByDescending(c => c))
        {
            foreach (var c2 in cyclic.OrderByDescending(c => c))
            {
                if (c1 == c2 || !reach[c1].Get(c2))
                {
                    continue;
                }

                var link = Link(a, statesOf[c1].ToArray(), statesOf[c2].ToArray(), reach, budget);
                if (budget.Exhausted)
                {
                    return links;
                }

                if (link is not null)
                {
                    links.Add(link);
                    if (links.Count >= maxLinks)
                    {
                        return links;
                    }
                }
            }
        }

        return links;
    }

    /// <summary>For each component, the components it reaches (itself included).</summary>
    private static BitSet[] Reachability(LabelledNfa a)
    {
        var reach = new BitSet[a.ComponentCount];
        var byComponent = Enumerable.Range(0, a.StateCount).ToLookup(s => a.Component[s]);
        // Components are numbered sinks first, so successors are done before their predecessors.
        for (var c = 0; c < a.ComponentCount; c++)
        {
            var set = new BitSet(a.ComponentCount);
            set.Set(c);
            foreach (var s in byComponent[c])
            {
                foreach (var e in a.Edges[s])
                {
                    var t = a.Component[e.Target];
                    if (t != c)
                    {
                        foreach (var r in reach[t].Members())
                        {
                            set.Set(r);
                        }
                    }
                }
            }

            reach[c] = set;
        }

        return reach;
    }

    private static AmbiguityWitness? Link(LabelledNfa a, int[] first, int[] second, BitSet[] reach, Budget budget)
    {
        var c1 = a.Component[first[0]];
        var c2 = a.Component[second[0]];

        // The synchronous pair automaton of the two components, to pick one candidate per component of it.
        var graph = new PairGraph<int>();
        var pairs = graph.Pairs;
        var edges = graph.Edges;
        int Intern(int p, int q) => graph.Intern(p, q);

        foreach (var p in first)
        {
            foreach (var q in second)
            {
                Intern(p, q);
            }
        }

        for (var i = 0; i < pairs.Count; i++)
        {
            var (p, q) = pairs[i];
            foreach (var e1 in a.Edges[p].Where(e => a.Component[e.Target] == c1))
            {
                foreach (var e2 in a.Edges[q].Where(e => a.Component[e.Target] == c2))
                {
                    if (!budget.Spend())
                    {
                        return null;
                    }

                    if (e1.Label.Overlaps(e2.Label))
                    {
                        edges[i].Add(Intern(e1.Target, e2.Target));
                    }
                }
            }
        }

        var component = Components.Of(pairs.Count, i => edges[i], out var count);
        var tried = new bool[count];
        for (var i = 0; i < pairs.Count; i++)
        {
            var k = component[i];
            if (tried[k] || !edges[i].Any(t => component[t] == k))
            {
                continue;
            }

            tried[k] = true;
            var word = TriplePath(a, pairs[i].P, pairs[i].Q, c1, c2, reach, budget);
            if (word is not null)
            {
                return new AmbiguityWitness(pairs[i].P, word, 2, [pairs[i].P, pairs[i].Q]);
            }

            if (budget.Exhausted)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>A word taking (p, p, q) to (p, q, q): p loops, p reaches q, q loops, all on it.</summary>
    private static int[]? TriplePath(LabelledNfa a, int p, int q, int c1, int c2, BitSet[] reach, Budget budget)
    {
        bool Between(int s) => reach[c1].Get(a.Component[s]) && reach[a.Component[s]].Get(c2);
        var start = (p, p, q);
        var goal = (p, q, q);
        var previous = new Dictionary<(int, int, int), ((int, int, int) From, int Class)>();
        var queue = new Queue<(int X, int Y, int Z)>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var (x, y, z) = queue.Dequeue();
            foreach (var ex in a.Edges[x].Where(e => a.Component[e.Target] == c1))
            {
                foreach (var ez in a.Edges[z].Where(e => a.Component[e.Target] == c2))
                {
                    var xz = ex.Label.And(ez.Label);
                    if (xz.IsEmpty)
                    {
                        continue;
                    }

                    foreach (var ey in a.Edges[y])
                    {
                        if (!budget.Spend())
                        {
                            return null;
                        }

                        if (!Between(ey.Target))
                        {
                            continue;
                        }

                        var label = xz.And(ey.Label);
                        if (label.IsEmpty)
                        {
                            continue;
                        }

                        var next = (ex.Target, ey.Target, ez.Target);
                        if (next == start || previous.ContainsKey(next))
                        {
                            continue;
                        }

                        previous[next] = ((x, y, z), label.First());
                        if (next == goal)
                        {
                            return Word(previous, start, goal);
                        }

                        queue.Enqueue(next);
                    }
                }
            }
        }

        return null;
    }

    private static int[] Word(Dictionary<(int, int, int), ((int, int, int) From, int Class)> previous,
        (int, int, int) start, (int, int, int) goal)
    {
        var word = new List<int>();
        for (var at = goal; at != start; at = previous[at].From)
        {
            word.Add(previous[at].Class);
        }

        word.Reverse();
        return [.. word];
    }
}
