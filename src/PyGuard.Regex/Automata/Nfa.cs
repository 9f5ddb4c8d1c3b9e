using PyGuard.Regex.Parsing.Ast;

namespace PyGuard.Regex.Automata;

/// <summary>
/// An ε-free automaton whose paths are the backtracker's: state 0 is the start, every other state follows
/// one character. An edge may stand for several paths on some of its characters (<see cref="NfaEdge.Multiple"/>),
/// when more than one ε-route led to it (`(?:|)a` reads `a` two ways). Acceptance is approximated per state:
/// at the end of the input, or before one of a set of characters (the last assertions on the way).
/// </summary>
internal sealed class Nfa
{
    public required CharSet Universe { get; init; }

    public required List<NfaEdge>[] Out { get; init; }

    public required bool[] AcceptsAtEnd { get; init; }

    public required CharSet[] AcceptsBefore { get; init; }

    /// <summary>Whether a path here has matched when the rest of the input is exactly one newline (`$`).</summary>
    public required bool[] AcceptsBeforeFinalNewline { get; init; }

    public required TextSpan?[] Spans { get; init; }

    public required bool[] IsSearchPrefix { get; init; }

    public int StateCount => Out.Length;

    public int EdgeCount => Out.Sum(o => o.Count);

    /// <summary>Whether a path standing in <paramref name="state"/> has matched, given what comes next (-1: the end).</summary>
    public bool Accepts(int state, int next) => next < 0 ? AcceptsAtEnd[state] : AcceptsBefore[state].Contains(next);
}

/// <summary>An edge reading any of <see cref="Label"/>; for characters of <see cref="Multiple"/> it is two or more paths.</summary>
internal sealed record NfaEdge(int Target, CharSet Label, CharSet Multiple);
