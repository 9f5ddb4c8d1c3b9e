namespace PyGuard.Regex;

/// <summary>How the backtracking time of the worst input grows with its length.</summary>
public enum Complexity
{
    Linear,
    Polynomial,
    Exponential,
}

/// <summary>Whether the verdict is final.</summary>
public enum AnalysisStatus
{
    /// <summary>Every check ran to the end (or an exponential attack was found, which nothing can top).</summary>
    Complete,
    /// <summary>A limit (states, steps, time, nesting) stopped a check; the complexity is a lower bound.</summary>
    Incomplete,
    /// <summary>CPython's `re.compile` would reject the pattern; see <see cref="RedosReport.Error"/>.</summary>
    InvalidPattern,
}

/// <summary>The outcome of <see cref="RedosChecker.Analyze(string, RegexFlags, MatchMode, RedosLimits?)"/>.</summary>
public sealed record RedosReport
{
    public required Complexity Complexity { get; init; }

    /// <summary>For <see cref="Complexity.Polynomial"/>: k in O(n^k); 1 for linear; 0 for exponential.</summary>
    public required int Degree { get; init; }

    public required AnalysisStatus Status { get; init; }

    /// <summary>An input that makes CPython's `re` take the time claimed; null when linear.</summary>
    public AttackString? AttackString { get; init; }

    /// <summary>Why the pattern is invalid, for <see cref="AnalysisStatus.InvalidPattern"/>.</summary>
    public RegexSyntaxError? Error { get; init; }

    /// <summary>A short sentence naming the ambiguous sub-pattern, or why the analysis stopped.</summary>
    public required string Explanation { get; init; }

    /// <summary>
    /// Whether the attack was also run through PyGuard's model of sre's backtracker and the number of steps
    /// grew as claimed (done when the pattern uses constructs the automaton only approximates).
    /// </summary>
    public bool ConfirmedBySimulation { get; init; }

    /// <summary>Whether the verdict rests on an approximation (counted repetitions cut, back-references, lookarounds).</summary>
    public bool Approximated { get; init; }

    public bool IsVulnerable => Complexity != Complexity.Linear;
}
