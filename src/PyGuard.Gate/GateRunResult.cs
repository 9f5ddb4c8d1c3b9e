using System.Collections.Immutable;
using PyGuard.Engine.Model;
using PyGuard.Execution;

namespace PyGuard;

/// <summary>What the gate decided about a program.</summary>
public enum GateDecision
{
    /// <summary>The program ran (it may still have been stopped at a limit).</summary>
    Ran,

    /// <summary>The verdict was <c>block</c>: the program never runs.</summary>
    RefusedBlocked,

    /// <summary>The verdict was <c>review</c> and running reviewed code was not allowed.</summary>
    RefusedReview,

    /// <summary>A sandbox was required and no operating-system isolation layer was available.</summary>
    RefusedNoSandbox,
}

/// <summary>
/// The outcome of <see cref="ExecutionGate.Run(ReadOnlyMemory{byte}, string, GateOptions?, CancellationToken)"/>:
/// the fields of the contract's <c>pyguard run --format json</c>, plus the scan and execution behind them.
/// </summary>
public sealed record GateRunResult
{
    /// <summary>The scan's verdict; null when the scan was skipped.</summary>
    public Verdict? Verdict { get; init; }

    public required GateDecision Decision { get; init; }

    /// <summary>One line saying why the program did not run; null when it ran.</summary>
    public string? Refusal { get; init; }

    /// <summary>The scan result; null when the scan was skipped.</summary>
    public FileScanResult? Scan { get; init; }

    /// <summary>The findings that counted towards the verdict.</summary>
    public ImmutableArray<Finding> Findings { get; init; } = [];

    /// <summary>The run itself; null when the gate refused before running.</summary>
    public ExecutionResult? Execution { get; init; }

    public bool Executed => Execution?.Executed == true;

    public int? ExitCode => Execution?.ExitCode;

    public StopReason? StoppedBy => Execution?.StoppedBy;

    public TimeSpan Duration => Execution?.Duration ?? TimeSpan.Zero;

    public string Stdout => Execution?.Stdout ?? "";

    public string Stderr => Execution?.Stderr ?? "";

    public bool StdoutTruncated => Execution?.StdoutTruncated == true;

    public bool StderrTruncated => Execution?.StderrTruncated == true;

    public IReadOnlyList<string> Isolation => Execution?.Isolation ?? [];
}
