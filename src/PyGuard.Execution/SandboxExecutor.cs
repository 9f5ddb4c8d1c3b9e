using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PyGuard.Execution.Bootstrap;
using PyGuard.Execution.Cgroups;
using PyGuard.Execution.Host;
using PyGuard.Execution.Interpreters;
using PyGuard.Execution.Launch;
using PyGuard.Execution.Runtime;
using PyGuard.Execution.Workspace;

namespace PyGuard.Execution;

/// <summary>
/// Runs untrusted Python under the strongest isolation this machine offers and reports exactly which layers
/// were in force (docs/executor.md). Thread-safe: each run has its own directory, processes and cgroup; the
/// machine's capabilities and the interpreter are resolved once per process.
/// </summary>
public sealed class SandboxExecutor(ExecutionOptions? defaults = null, ILogger? logger = null)
{
    private readonly ExecutionOptions _defaults = defaults ?? ExecutionOptions.Default;
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>What the machine offers (detected once per process).</summary>
    public static HostCapabilities Host => HostCapabilities.Current;

    public ExecutionOptions Defaults => _defaults;

    /// <summary>The isolation mode a run with these options would use; throws <see cref="ExecutionSetupException"/> when none can.</summary>
    public IsolationMode ResolveMode(ExecutionOptions? options = null)
    {
        var effective = options ?? _defaults;
        return LaunchPlanner.ChooseMode(effective, Host, PythonInterpreter.Resolve(effective.Interpreter));
    }

    public Task<ExecutionResult> RunAsync(ExecutionRequest request, ExecutionOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => Run(request, options, cancellationToken), cancellationToken);

    /// <summary>
    /// Runs the program and waits for it. A program stopped at a limit is a normal result
    /// (<see cref="ExecutionResult.StoppedBy"/>); <see cref="ExecutionSetupException"/> means no run could be set up.
    /// </summary>
    public ExecutionResult Run(ExecutionRequest request, ExecutionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var effective = options ?? _defaults;
        effective.Validate();
        if (!OperatingSystem.IsLinux())
        {
            throw new ExecutionSetupException("the sandboxed executor runs on Linux only");
        }

        var host = Host;
        var python = PythonInterpreter.Resolve(effective.Interpreter);
        var (uid, gid) = LaunchPlanner.SandboxIds(effective, host);
        (uint, uint)? owner = host.IsRoot ? (uid, gid) : null;
        using var run = RunDirectory.Create(RunDirectoryParent(effective, owner), owner);
        run.Place(request, owner);
        run.WriteBootstrap(CompiledBootstrap.For(python));
        var plan = LaunchPlanner.Plan(effective, request, host, python, run);
        _logger.LogDebug("pyguard run: {Mode} {Command}", plan.Mode, string.Join(' ', plan.Command.Where(a => a.Length < 200)));
        if (effective.RequireSandbox && plan.Mode == IsolationMode.None)
        {
            // Nothing could confine this run: refuse without even starting the interpreter. (Modes whose
            // confinement the bootstrap applies are checked against its report, before the program starts.)
            return Refusal(plan, plan.Layers);
        }

        using var cgroup = effective.UseCgroup && host.Cgroups is { } cgroups
            ? CgroupSession.TryCreate(cgroups, effective.MemoryBytes + effective.MaxDiskBytes + CgroupOverheadBytes)
            : null;
        var supervised = new RunSupervisor(plan, effective, run, cgroup).Run(cancellationToken);
        using var workDirectory = supervised.WorkDirectory;
        return Result(request, effective, plan, cgroup, supervised);
    }

    /// <summary>
    /// Where run directories go: the configured root or the temporary directory, which the sandbox user must be
    /// able to enter; a TMPDIR inside root's home would not be, and /tmp is used instead.
    /// </summary>
    private static string RunDirectoryParent(ExecutionOptions options, (uint Uid, uint Gid)? owner)
    {
        var parent = options.RunDirectoryRoot ?? Path.GetTempPath();
        if (owner is not { } user || UnixAccess.CanEnter(parent, user.Uid, user.Gid))
        {
            return parent;
        }

        return options.RunDirectoryRoot is null
            ? "/tmp"
            : throw new ExecutionSetupException($"the run directory root '{parent}' is out of reach of the sandbox user {user.Uid}");
    }

    /// <summary>Memory for the sandbox's own processes (bubblewrap, the reaper) on top of the program's.</summary>
    private const long CgroupOverheadBytes = 64L * 1024 * 1024;

    private static ExecutionResult Result(
        ExecutionRequest request, ExecutionOptions options, LaunchPlan plan, CgroupSession? cgroup, SupervisedRun run)
    {
        var layers = plan.Layers.Concat(run.Ready?.Layers() ?? []).ToList();
        if (cgroup is not null && run.CgroupAdmitted)
        {
            layers.Add(IsolationLayers.Cgroup);
        }

        layers = [.. layers.Distinct(StringComparer.Ordinal)];
        var sandboxed = layers.Any(IsolationLayers.IsOperatingSystemIsolation);
        if (run.Refused)
        {
            return Refusal(plan, layers);
        }

        if (!run.Started)
        {
            var why = run.SetupError ?? FirstLine(run.Stderr.Text()) ?? (run.StoppedBy == StopReason.Timeout
                ? "it did not start within the timeout"
                : $"it exited with status {run.Wait.ExitCode} before starting the program");
            throw new ExecutionSetupException($"the sandbox could not start ({plan.Mode}): {why}");
        }

        var stoppedBy = run.StoppedBy ?? StopClassifier.Classify(new StopClassifier.Evidence(
            run.Wait.ExitCode, run.Wait.CpuTime, options.EffectiveCpuSeconds, run.CgroupAdmitted && cgroup!.OutOfMemoryKill,
            run.MemoryAdvice, plan.ProcessCreationKills));
        var notes = new List<string>();
        if (!sandboxed)
        {
            notes.Add("the code ran unsandboxed: no operating-system isolation layer was in force, only " +
                (layers.Count == 0 ? "the executor's own limits" : string.Join(", ", layers)));
        }

        var files = new List<CollectedFile>();
        foreach (var path in request.Collect)
        {
            if (run.WorkDirectory?.Collect(path, options.MaxCollectedFileBytes) is { } file)
            {
                files.Add(file);
            }
            else
            {
                notes.Add($"not collected: '{path}' is missing or not a regular file");
            }
        }

        return new ExecutionResult
        {
            Executed = true,
            ExitCode = run.Wait.ExitCode,
            StoppedBy = stoppedBy,
            Duration = run.Duration,
            CpuTime = run.Wait.CpuTime,
            Stdout = run.Stdout.Text(),
            Stderr = run.Stderr.Text(),
            StdoutTruncated = run.Stdout.Overflowed,
            StderrTruncated = run.Stderr.Overflowed,
            Isolation = layers,
            Sandboxed = sandboxed,
            Mode = plan.Mode,
            Files = files,
            Notes = notes,
        };
    }

    private static ExecutionResult Refusal(LaunchPlan plan, IReadOnlyList<string> layers) => new()
    {
        Executed = false,
        Isolation = layers,
        Sandboxed = false,
        Mode = plan.Mode,
        Notes = ["refused: no operating-system isolation layer is available here, and a sandbox is required"],
    };

    private static string? FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}
