using PyGuard.Regex.Automata;

namespace PyGuard.Regex.Analysis;

/// <summary>
/// The automaton with its labels turned into bit sets over the alphabet's classes, and the strongly connected
/// components of its graph: the form every ambiguity check works on.
/// </summary>
internal sealed class LabelledNfa
{
    public LabelledNfa(Nfa nfa)
    {
        Nfa = nfa;
        Alphabet = Alphabet.Partition(nfa.Universe,
            nfa.Out.SelectMany(o => o.SelectMany(e => new[] { e.Label, e.Multiple })).Concat(nfa.AcceptsBefore)
                .Append(nfa.Universe).Append(CharSet.Single('\n')));
        NewlineClass = Alphabet.ClassOf('\n');
        Edges = [.. nfa.Out.Select(o => o.Select(e => new Edge(e.Target, Alphabet.ClassesOf(e.Label),
            Alphabet.ClassesOf(e.Multiple))).ToArray())];
        AcceptsBefore = [.. nfa.AcceptsBefore.Select(Alphabet.ClassesOf)];
        Component = Components.Of(StateCount, s => Edges[s].Select(e => e.Target), out var count);
        ComponentCount = count;
        CyclicComponents = new bool[count];
        for (var s = 0; s < StateCount; s++)
        {
            if (OnCycle(s))
            {
                CyclicComponents[Component[s]] = true;
            }
        }
    }

    public Nfa Nfa { get; }

    /// <summary>The alphabet class that holds only the newline, which `$` treats apart.</summary>
    public int NewlineClass { get; }

    public Alphabet Alphabet { get; }

    public Edge[][] Edges { get; }

    public BitSet[] AcceptsBefore { get; }

    /// <summary>The component of each state; components are numbered in reverse topological order.</summary>
    public int[] Component { get; }

    public int ComponentCount { get; }

    public int StateCount => Edges.Length;

    /// <summary>Whether each component has a cycle (an edge inside it).</summary>
    public bool[] CyclicComponents { get; }

    /// <summary>Whether the state lies on a cycle (its component has an edge inside it).</summary>
    public bool OnCycle(int state) => Edges[state].Any(e => Component[e.Target] == Component[state]);

    /// <summary>The states reached from <paramref name="from"/> by one class.</summary>
    public IEnumerable<int> Step(int from, int cls) => Edges[from].Where(e => e.Label.Get(cls)).Select(e => e.Target);

    public readonly record struct Edge(int Target, BitSet Label, BitSet Multiple);
}
