namespace PyGuard.Regex.Analysis;

/// <summary>Runs the automaton on sets of states (all the backtracker's threads at once).</summary>
internal sealed class SubsetSimulation(LabelledNfa a)
{
    public int[] Move(IReadOnlyCollection<int> states, int cls)
    {
        var next = new SortedSet<int>();
        foreach (var s in states)
        {
            foreach (var e in a.Edges[s])
            {
                if (e.Label.Get(cls))
                {
                    next.Add(e.Target);
                }
            }
        }

        return [.. next];
    }

    /// <summary>Whether some thread has matched when <paramref name="cls"/> comes next.</summary>
    public bool AcceptsBefore(IEnumerable<int> states, int cls) => states.Any(s => a.AcceptsBefore[s].Get(cls));

    public bool AcceptsAtEnd(IEnumerable<int> states) => states.Any(s => a.Nfa.AcceptsAtEnd[s]);

    /// <summary>Whether some thread has matched if the input ends with one more newline.</summary>
    public bool AcceptsBeforeFinalNewline(IEnumerable<int> states) => states.Any(s => a.Nfa.AcceptsBeforeFinalNewline[s]);

    public int NewlineClass => a.NewlineClass;

    /// <summary>The states after reading <paramref name="word"/>, or null if some thread matches on the way.</summary>
    public int[]? Run(int[] states, IEnumerable<int> word)
    {
        foreach (var cls in word)
        {
            if (AcceptsBefore(states, cls))
            {
                return null;
            }

            states = Move(states, cls);
        }

        return states;
    }
}
