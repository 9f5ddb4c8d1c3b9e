using PyGuard.Execution;

namespace PyGuard;

/// <summary>How the gate decides and how approved code runs.</summary>
public sealed record GateOptions
{
    public static GateOptions Default { get; } = new();

    /// <summary>Run code whose verdict is <c>review</c> (never code whose verdict is <c>block</c>).</summary>
    public bool AllowReview { get; init; }

    /// <summary>Run without scanning (for testing the executor); the result then has no verdict.</summary>
    public bool SkipScan { get; init; }

    /// <summary>The limits and isolation of the run.</summary>
    public ExecutionOptions Execution { get; init; } = ExecutionOptions.Default;
}
