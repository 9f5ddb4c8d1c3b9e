using PyGuard.Regex.Parsing.Ast;

namespace PyGuard.Regex.Automata;

/// <summary>
/// A Thompson automaton: states joined by ε-edges (each may carry an <see cref="Assertion"/>) and at most one
/// character edge per state. Every character edge enters a state of its own, so the set of characters that
/// enters a state is known, which is what look-behind-like tests are decided against.
/// </summary>
internal sealed class EpsilonNfa
{
    public List<EpsilonState> States { get; } = [];

    public int Start { get; set; }

    public int Accept { get; set; }

    public int Add(TextSpan? span = null)
    {
        States.Add(new EpsilonState { Span = span });
        return States.Count - 1;
    }

    public void Epsilon(int from, int to, Assertion? guard = null) => States[from].Epsilons.Add(new EpsilonEdge(to, guard));

    public void Char(int from, CharSet label, int to)
    {
        States[from].Label = label;
        States[from].Target = to;
        States[to].Entry = label;
    }
}

internal sealed class EpsilonState
{
    public List<EpsilonEdge> Epsilons { get; } = [];

    public CharSet? Label { get; set; }

    public int Target { get; set; } = -1;

    /// <summary>The characters that enter this state, when a character edge does.</summary>
    public CharSet? Entry { get; set; }

    /// <summary>The sub-pattern whose character this state follows, for explanations.</summary>
    public TextSpan? Span { get; set; }

    /// <summary>The state the implicit `.*?` of a search loops on.</summary>
    public bool IsSearchPrefix { get; set; }
}

internal readonly record struct EpsilonEdge(int Target, Assertion? Guard);
