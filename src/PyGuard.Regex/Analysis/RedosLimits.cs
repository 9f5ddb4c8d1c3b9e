namespace PyGuard.Regex;

/// <summary>
/// Bounds on one analysis. Past any of them the analysis stops and reports
/// <see cref="AnalysisStatus.Incomplete"/> with what it found so far; it never runs on.
/// </summary>
public sealed record RedosLimits
{
    public static RedosLimits Default { get; } = new();

    /// <summary>States of the ε-automaton; counted repetitions beyond it are approximated.</summary>
    public int MaxAutomatonStates { get; init; } = 20_000;

    /// <summary>Elementary steps of all checks together (product pairs, triples, subset moves).</summary>
    public long MaxSteps { get; init; } = 2_000_000;

    /// <summary>Steps of the backtracking simulation that confirms attacks on approximated patterns.</summary>
    public long MaxSimulationSteps { get; init; } = 400_000;

    /// <summary>Wall-clock time for the whole analysis.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    public CancellationToken Cancellation { get; init; }
}
