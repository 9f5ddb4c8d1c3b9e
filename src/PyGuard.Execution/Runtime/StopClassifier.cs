using PyGuard.Execution.Native;

namespace PyGuard.Execution.Runtime;

/// <summary>
/// Names the limit that ended a program the executor did not stop itself, from evidence the program cannot
/// forge into a false accusation: the CPU time the kernel accounted (an exit status of 152, "killed by
/// SIGXCPU", counts only if the CPU time is really there), the cgroup's OOM-kill counter, and SIGSYS from the
/// filter that kills on process creation. Only the "memory" advice of the bootstrap comes from inside the
/// process; it can at worst mislabel the program's own failure.
/// </summary>
internal static class StopClassifier
{
    /// <summary>
    /// CPU time is known exactly only when the program is PyGuard's own child; behind a PID namespace's reaper it
    /// is sampled every 50 ms while the run lives, so the last sample may lag the real figure by that much and
    /// more on a loaded machine.
    /// </summary>
    private static readonly TimeSpan SamplingLag = TimeSpan.FromMilliseconds(250);

    public sealed record Evidence(
        int ExitCode, TimeSpan CpuTime, int CpuLimitSeconds, bool OutOfMemoryKill, bool MemoryAdvice, bool ProcessCreationKills);

    public static StopReason? Classify(Evidence e)
    {
        if (e.OutOfMemoryKill)
        {
            return StopReason.Memory;
        }

        // The kernel sends SIGXCPU only at the soft limit: status 152 with half the limit used is that, not a
        // program exiting with 152 on its own. SIGKILL has many senders, so it needs the hard limit's CPU time.
        var soft = TimeSpan.FromSeconds(e.CpuLimitSeconds) / 2;
        var hard = TimeSpan.FromSeconds(e.CpuLimitSeconds + 1) - SamplingLag;
        if ((e.ExitCode == 128 + LibC.SIGXCPU && e.CpuTime >= soft) || (e.ExitCode == 128 + LibC.SIGKILL && e.CpuTime >= hard))
        {
            return StopReason.Cpu;
        }

        if (e.ExitCode == 128 + LibC.SIGSYS && e.ProcessCreationKills)
        {
            return StopReason.Processes;
        }

        if (e.MemoryAdvice && e.ExitCode != 0)
        {
            return StopReason.Memory;
        }

        return null;
    }
}
