namespace PyGuard.Execution;

/// <summary>Why the executor stopped a program before it finished on its own (the contract's <c>stoppedBy</c>).</summary>
public enum StopReason
{
    /// <summary>The wall-clock timeout passed.</summary>
    Timeout,

    /// <summary>The program exhausted its memory (address-space limit or the run's memory cgroup).</summary>
    Memory,

    /// <summary>The program used up its CPU time.</summary>
    Cpu,

    /// <summary>The program wrote more than allowed: standard output or error, or files in its working directory.</summary>
    Output,

    /// <summary>The program reached its process limit.</summary>
    Processes,
}

public static class StopReasonNames
{
    /// <summary>The lower-case name used in the run JSON.</summary>
    public static string ToName(this StopReason reason) => reason switch
    {
        StopReason.Timeout => "timeout",
        StopReason.Memory => "memory",
        StopReason.Cpu => "cpu",
        StopReason.Output => "output",
        StopReason.Processes => "processes",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
