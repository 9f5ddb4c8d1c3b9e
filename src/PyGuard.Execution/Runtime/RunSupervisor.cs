using System.Diagnostics;
using PyGuard.Execution.Cgroups;
using PyGuard.Execution.Launch;
using PyGuard.Execution.Native;
using PyGuard.Execution.Workspace;

namespace PyGuard.Execution.Runtime;

/// <summary>What the supervisor saw of one run.</summary>
internal sealed record SupervisedRun(
    bool Started,
    bool Refused,
    WaitOutcome Wait,
    StopReason? StoppedBy,
    TimeSpan Duration,
    CappedBuffer Stdout,
    CappedBuffer Stderr,
    ReadyReport? Ready,
    bool MemoryAdvice,
    string? SetupError,
    WorkDirectoryHandle? WorkDirectory,
    bool CgroupAdmitted);

/// <summary>
/// Runs one launch plan to its end on the calling thread: a single poll loop over standard output and error
/// (read as they come, kept up to the cap), the status socket (the ready report, then the go-ahead once the
/// process tree is in its cgroup), the child's process descriptor and the wall-clock deadline; every 50 ms it
/// also counts the run's processes and its disk usage. A limit crossed stops the whole run at once. After the
/// child is gone, output is drained for a bounded grace period only, because an orphan that kept the pipe open
/// must not keep PyGuard waiting.
/// </summary>
internal sealed class RunSupervisor(LaunchPlan plan, ExecutionOptions options, RunDirectory run, CgroupSession? cgroup)
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan DrainGrace = TimeSpan.FromMilliseconds(250);

    private readonly CappedBuffer _stdout = new(options.MaxOutputBytes);
    private readonly CappedBuffer _stderr = new(options.MaxOutputBytes);
    private ReadyReport? _ready;
    private string? _setupError;
    private bool _started;
    private bool _refused;
    private bool _memoryAdvice;
    private int _baselineTasks;
    private TimeSpan _sampledCpu;
    private WorkDirectoryHandle? _workDirectory;
    private bool _cgroupAdmitted;

    public SupervisedRun Run(CancellationToken cancellationToken)
    {
        var (stdoutRead, stdoutWrite) = OwnedFd.Pipe();
        var (stderrRead, stderrWrite) = OwnedFd.Pipe();
        var (statusParent, statusChild) = OwnedFd.SocketPair();
        var (wakeRead, wakeWrite) = OwnedFd.Pipe();
        var extras = new List<OwnedFd> { statusChild };
        if (plan.BubblewrapSeccomp is { } program)
        {
            var (seccompRead, seccompWrite) = OwnedFd.Pipe();
            seccompWrite.WriteAll(program);
            seccompWrite.Dispose();
            extras.Add(seccompRead);
        }

        using var status = new StatusChannel(statusParent);
        using (stdoutRead)
        using (stderrRead)
        using (wakeRead)
        using (wakeWrite)
        using (cancellationToken.Register(() => wakeWrite.WriteAll([1])))
        {
            var clock = Stopwatch.StartNew();
            ChildProcess child;
            try
            {
                child = Spawner.Start(
                    new SpawnRequest(plan.Command[0], plan.Command, plan.Environment)
                    {
                        ExtraDescriptors = extras,
                        WorkingDirectory = plan.SpawnDirectory,
                    },
                    stdoutWrite,
                    stderrWrite);
            }
            finally
            {
                stdoutWrite.Dispose();
                stderrWrite.Dispose();
                foreach (var fd in extras)
                {
                    fd.Dispose();
                }
            }

            _cgroupAdmitted = cgroup?.TryEnter(child.Pid) == true;
            using (child)
            {
                StopReason? stop;
                TimeSpan duration;
                WaitOutcome reaped;
                try
                {
                    stop = Supervise(child, stdoutRead, stderrRead, status, wakeRead, clock, cancellationToken);
                }
                catch
                {
                    // The working directory's descriptor keeps a sandbox's tmpfs (its memory) alive.
                    _workDirectory?.Dispose();
                    throw;
                }
                finally
                {
                    // Whether the program finished, was stopped, or supervision failed, nothing it started may
                    // survive it. The child is not reaped yet, so its process group cannot have been reused.
                    duration = clock.Elapsed;
                    KillEverything(child);
                    reaped = child.Reap();
                }

                var wait = reaped with { CpuTime = reaped.CpuTime > _sampledCpu ? reaped.CpuTime : _sampledCpu };
                Drain(stdoutRead, stderrRead);
                if (cancellationToken.IsCancellationRequested)
                {
                    _workDirectory?.Dispose();
                    cancellationToken.ThrowIfCancellationRequested();
                }

                return new SupervisedRun(
                    _started, _refused, wait, stop, duration, _stdout, _stderr, _ready, _memoryAdvice, _setupError, _workDirectory, _cgroupAdmitted);
            }
        }
    }

    private StopReason? Supervise(
        ChildProcess child, OwnedFd stdout, OwnedFd stderr, StatusChannel status, OwnedFd wake, Stopwatch clock,
        CancellationToken cancellationToken)
    {
        var deadline = options.WallTimeout;
        var nextWatch = WatchInterval;
        var buffer = new byte[1 << 16];
        var stdoutOpen = true;
        var stderrOpen = true;
        while (true)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return null;
            }

            var now = clock.Elapsed;
            if (now >= deadline)
            {
                return StopReason.Timeout;
            }

            var wait = Min(deadline, nextWatch) - now;
            var ready = Poll(
                [stdoutOpen ? stdout : null, stderrOpen ? stderr : null, status.Open ? status.Socket : null, child.ProcessFd, wake],
                child.ProcessFd is null ? Min(wait, TimeSpan.FromMilliseconds(10)) : wait);

            if (ready[0] && !Pump(stdout, _stdout, buffer, ref stdoutOpen))
            {
                return StopReason.Output;
            }

            if (ready[1] && !Pump(stderr, _stderr, buffer, ref stderrOpen))
            {
                return StopReason.Output;
            }

            if (ready[2])
            {
                foreach (var line in status.ReadLines())
                {
                    OnStatus(line, child, status);
                }

                if (_refused || _setupError is not null)
                {
                    return null;
                }
            }

            if ((ready[3] || child.ProcessFd is null) && child.HasExited)
            {
                return null;
            }

            if (clock.Elapsed >= nextWatch)
            {
                nextWatch = clock.Elapsed + WatchInterval;
                if (_started && Watch(child) is { } reason)
                {
                    return reason;
                }
            }
        }
    }

    /// <summary>Reads a ready stream into its buffer; false when the cap was exceeded.</summary>
    private static bool Pump(OwnedFd fd, CappedBuffer target, byte[] buffer, ref bool open)
    {
        var n = fd.Read(buffer);
        if (n == 0)
        {
            open = false;
            return true;
        }

        if (n > 0)
        {
            target.Append(buffer.AsSpan(0, n));
        }

        return !target.Overflowed;
    }

    private void OnStatus(string line, ChildProcess child, StatusChannel status)
    {
        if (!_started && !_refused && ReadyReport.Parse(line) is { } report)
        {
            _ready = report;
            Admit(child);
            if (options.RequireSandbox && !plan.Layers.Concat(report.Layers()).Any(IsolationLayers.IsOperatingSystemIsolation))
            {
                _refused = true;
                return;
            }

            _started = status.SendGo();
        }
        else if (!_started && line.StartsWith("error ", StringComparison.Ordinal))
        {
            _setupError = line[6..];
        }
        else if (_started && line == "memory")
        {
            _memoryAdvice = true;
        }
    }

    /// <summary>
    /// Runs while the bootstrap waits for the go-ahead, so the process tree is complete and still: makes sure all
    /// of it is in the run's cgroup, notes how many tasks the sandbox itself uses, and opens the sandbox's working
    /// directory.
    /// </summary>
    private void Admit(ChildProcess child)
    {
        var tree = ProcessTree.Collect(child.Pid);
        _cgroupAdmitted = _cgroupAdmitted && cgroup!.TryConfine(tree, options.MaxProcesses);
        _baselineTasks = ProcessTree.CountTasks(tree);
        _workDirectory = plan.WorkDirectoryInSandbox
            ? WorkDirectoryHandle.Open($"/proc/{tree[^1]}/root{plan.SandboxWorkDirectory}")
            : WorkDirectoryHandle.Open(run.Work);
    }

    private StopReason? Watch(ChildProcess child)
    {
        if (cgroup is not null && _cgroupAdmitted)
        {
            if (cgroup.OutOfMemoryKill)
            {
                return StopReason.Memory;
            }

            if (cgroup.ProcessLimitReached)
            {
                return StopReason.Processes;
            }
        }

        // The operating system allows one task more than the limit, so that going over it is observable.
        var tree = ProcessTree.Collect(child.Pid, _baselineTasks + options.MaxProcesses + 8);
        var cpu = ProcessTree.CpuTime(tree);
        _sampledCpu = cpu > _sampledCpu ? cpu : _sampledCpu;
        if (ProcessTree.CountTasks(tree) - _baselineTasks + 1 > options.MaxProcesses)
        {
            return StopReason.Processes;
        }

        var (bytes, files) = plan.WorkDirectoryInSandbox
            ? _workDirectory?.FileSystemUsage() ?? (0, 0)
            : DiskUsage.Measure(run.Work, options.MaxFiles);
        return bytes > options.MaxDiskBytes || files > options.MaxFiles ? StopReason.Output : null;
    }

    private void KillEverything(ChildProcess child)
    {
        cgroup?.KillAll();
        child.KillGroup();
    }

    /// <summary>Reads what the pipes still hold, until both reach end of file or the grace period ends.</summary>
    private void Drain(OwnedFd stdout, OwnedFd stderr)
    {
        var buffer = new byte[1 << 16];
        var stdoutOpen = true;
        var stderrOpen = true;
        var clock = Stopwatch.StartNew();
        while ((stdoutOpen || stderrOpen) && clock.Elapsed < DrainGrace)
        {
            var ready = Poll([stdoutOpen ? stdout : null, stderrOpen ? stderr : null], DrainGrace - clock.Elapsed);
            if (ready[0])
            {
                Pump(stdout, _stdout, buffer, ref stdoutOpen);
            }

            if (ready[1])
            {
                Pump(stderr, _stderr, buffer, ref stderrOpen);
            }
        }
    }

    private static unsafe bool[] Poll(OwnedFd?[] fds, TimeSpan timeout)
    {
        var entries = stackalloc LibC.PollFd[fds.Length];
        for (var i = 0; i < fds.Length; i++)
        {
            entries[i] = new LibC.PollFd { Fd = fds[i] is { IsOpen: true } fd ? fd.Fd : -1, Events = LibC.POLLIN };
        }

        var milliseconds = (int)Math.Clamp(Math.Ceiling(timeout.TotalMilliseconds), 0, int.MaxValue);
        var result = LibC.poll(entries, (nuint)fds.Length, milliseconds);
        var ready = new bool[fds.Length];
        if (result <= 0)
        {
            return ready;
        }

        for (var i = 0; i < fds.Length; i++)
        {
            ready[i] = entries[i].Fd >= 0 && (entries[i].Revents & (LibC.POLLIN | LibC.POLLHUP | LibC.POLLERR)) != 0;
        }

        return ready;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
