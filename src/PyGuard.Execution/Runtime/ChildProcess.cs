using PyGuard.Execution.Native;

namespace PyGuard.Execution.Runtime;

/// <summary>How a child ended: exit status or signal, and the CPU time of it and the descendants it waited for.</summary>
internal readonly record struct WaitOutcome(int? ExitStatus, int? Signal, TimeSpan CpuTime)
{
    /// <summary>The shell's convention: the exit status, or 128 plus the signal that killed the process.</summary>
    public int ExitCode => ExitStatus ?? 128 + (Signal ?? 0);
}

/// <summary>
/// A process started by <see cref="Spawner"/>, leader of its own session and process group. It is reaped with
/// wait4 so that the exact signal and the CPU time are known; where the kernel offers process descriptors
/// (Linux 5.3) its exit can be polled together with its pipes.
/// </summary>
internal sealed unsafe class ChildProcess : IDisposable
{
    private WaitOutcome? _outcome;

    public ChildProcess(int pid)
    {
        Pid = pid;
        ProcessFd = OpenProcessFd(pid);
    }

    public int Pid { get; }

    /// <summary>Readable once the process has exited; null on kernels or C libraries without pidfd_open.</summary>
    public OwnedFd? ProcessFd { get; }

    public WaitOutcome? Outcome => _outcome;

    /// <summary>
    /// Whether the process has exited, without reaping it: while it is a zombie its process id and group id
    /// cannot be reused, so killing its group afterwards cannot hit an unrelated process.
    /// </summary>
    public bool HasExited
    {
        get
        {
            if (_outcome is not null)
            {
                return true;
            }

            if (ProcessFd is not null)
            {
                var entry = new LibC.PollFd { Fd = ProcessFd.Fd, Events = LibC.POLLIN };
                return LibC.poll(&entry, 1, 0) > 0;
            }

            var info = stackalloc byte[128];
            new Span<byte>(info, 128).Clear();
            return LibC.waitid(LibC.P_PID, Pid, info, LibC.WEXITED | LibC.WNOHANG | LibC.WNOWAIT) == 0 && *(int*)(info + 16) != 0;
        }
    }

    /// <summary>Waits for the process to exit; call after killing it.</summary>
    public WaitOutcome Reap()
    {
        while (!Wait(0))
        {
        }

        return _outcome!.Value;
    }

    /// <summary>Sends SIGKILL to the process group the child leads (it was started in a new session).</summary>
    public void KillGroup()
    {
        if (_outcome is null)
        {
            LibC.kill(-Pid, LibC.SIGKILL);
            LibC.kill(Pid, LibC.SIGKILL);
        }
        else
        {
            // The leader is gone; the group may still hold its descendants.
            LibC.kill(-Pid, LibC.SIGKILL);
        }
    }

    private bool Wait(int options)
    {
        if (_outcome is not null)
        {
            return true;
        }

        int status;
        LibC.RUsage usage;
        var result = LibC.wait4(Pid, &status, options, &usage);
        if (result == 0)
        {
            return false;
        }

        if (result < 0)
        {
            var errno = LibC.LastError;
            if (errno == LibC.EINTR)
            {
                return false;
            }

            // ECHILD: someone else reaped it (a process-wide SIGCHLD policy); nothing more can be learnt.
            _outcome = new WaitOutcome(null, LibC.SIGKILL, TimeSpan.Zero);
            return true;
        }

        var cpu = TimeSpan.FromSeconds(usage.UserSeconds + usage.SystemSeconds)
            + TimeSpan.FromMicroseconds(usage.UserMicroseconds + usage.SystemMicroseconds);
        _outcome = LibC.Exited(status)
            ? new WaitOutcome(LibC.ExitStatus(status), null, cpu)
            : new WaitOutcome(null, LibC.TermSignal(status), cpu);
        return true;
    }

    private static OwnedFd? OpenProcessFd(int pid)
    {
        try
        {
            var fd = LibC.pidfd_open(pid, 0);
            return fd >= 0 ? new OwnedFd(fd) : null;
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
    }

    public void Dispose() => ProcessFd?.Dispose();
}
