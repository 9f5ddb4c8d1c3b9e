namespace PyGuard.Regex.Analysis;

/// <summary>
/// A place where the automaton is ambiguous: the state the pump starts from, the word to repeat (as alphabet
/// classes) and the states the repeated paths go through (to name the sub-pattern). <see cref="Degree"/> is
/// 0 for an exponential fork, else the number of loops the word chains (the polynomial degree).
/// </summary>
internal sealed record AmbiguityWitness(int Start, int[] Pump, int Degree, int[] States);
