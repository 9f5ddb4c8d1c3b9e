using PyGuard.Regex.Automata;

namespace PyGuard.Regex.Analysis;

/// <summary>
/// The polynomial degree one pump word achieves: the longest chain of states s1, ..., sk in different
/// components where each loops on the word and each reaches the next by it. Repeating the word n times
/// gives about n^k paths, so k is the exponent of the backtracking time for that attack.
/// </summary>
internal static class PumpChains
{
    public static (int Degree, int Start) Longest(LabelledNfa a, int[] word, Budget budget)
    {
        var simulation = new SubsetSimulation(a);
        var reached = new int[a.StateCount][];
        for (var s = 0; s < a.StateCount; s++)
        {
            if (!budget.Spend(word.Length))
            {
                return (1, 0);
            }

            var states = new[] { s };
            foreach (var cls in word)
            {
                states = simulation.Move(states, cls);
            }

            reached[s] = states;
        }

        var loops = Enumerable.Range(0, a.StateCount).Where(s => Array.BinarySearch(reached[s], s) >= 0).ToHashSet();
        var chain = new int[a.StateCount];
        // Components are numbered sinks first: a state's successors in other components are done before it.
        foreach (var s in loops.OrderBy(s => a.Component[s]))
        {
            chain[s] = 1 + reached[s].Where(t => loops.Contains(t) && a.Component[t] != a.Component[s])
                .Select(t => chain[t]).DefaultIfEmpty(0).Max();
        }

        var best = loops.OrderByDescending(s => chain[s]).ThenBy(s => s).FirstOrDefault(-1);
        return best < 0 ? (1, 0) : (chain[best], best);
    }
}
