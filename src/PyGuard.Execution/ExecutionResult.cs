namespace PyGuard.Execution;

/// <summary>
/// The outcome of one run: the fields of the contract's run JSON (except the scan's verdict and findings,
/// which the gate adds) and the files collected from the working directory.
/// </summary>
public sealed record ExecutionResult
{
    /// <summary>Whether the program was started (false when the run was refused before it began).</summary>
    public required bool Executed { get; init; }

    /// <summary>The exit status, or 128 plus the signal that killed the program; null when it never started.</summary>
    public int? ExitCode { get; init; }

    /// <summary>Set when the executor stopped the program at a limit.</summary>
    public StopReason? StoppedBy { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>CPU time of the program and the processes it waited for.</summary>
    public TimeSpan CpuTime { get; init; }

    public string Stdout { get; init; } = "";

    public string Stderr { get; init; } = "";

    public bool StdoutTruncated { get; init; }

    public bool StderrTruncated { get; init; }

    /// <summary>The layers really in force for this run (<see cref="IsolationLayers"/>).</summary>
    public IReadOnlyList<string> Isolation { get; init; } = [];

    /// <summary>Whether an operating-system isolation layer was in force; false means the code ran unsandboxed.</summary>
    public bool Sandboxed { get; init; }

    /// <summary>The isolation mode the run used.</summary>
    public IsolationMode Mode { get; init; }

    public IReadOnlyList<CollectedFile> Files { get; init; } = [];

    /// <summary>Plain-language remarks for the user: the code ran unsandboxed, why a run was refused, a file not collected.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}

/// <summary>A file read back from the working directory after the run; untrusted output of the program.</summary>
public sealed record CollectedFile(string Path, byte[] Content, bool Truncated);
