using PyGuard.Execution.Bootstrap;
using PyGuard.Execution.Host;
using PyGuard.Execution.Interpreters;
using PyGuard.Execution.Native;
using PyGuard.Execution.Seccomp;
using PyGuard.Execution.Workspace;

namespace PyGuard.Execution.Launch;

/// <summary>What to spawn for one run, and what that command line enforces by its construction.</summary>
internal sealed record LaunchPlan
{
    public required IsolationMode Mode { get; init; }

    /// <summary>The command; the first element is an absolute path.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    public required IReadOnlyList<string> Environment { get; init; }

    public required string SpawnDirectory { get; init; }

    /// <summary>The seccomp program bubblewrap reads from descriptor 4.</summary>
    public byte[]? BubblewrapSeccomp { get; init; }

    /// <summary>Layers in force by construction; the bootstrap confirms rlimits, Landlock, its own seccomp and the audit hook.</summary>
    public required IReadOnlyList<string> Layers { get; init; }

    /// <summary>The working directory as the program sees it.</summary>
    public required string SandboxWorkDirectory { get; init; }

    /// <summary>True under bubblewrap, where the working directory is a sized tmpfs inside the sandbox.</summary>
    public bool WorkDirectoryInSandbox { get; init; }

    /// <summary>True when the seccomp filter kills a program that creates a process (SIGSYS means the process limit).</summary>
    public bool ProcessCreationKills { get; init; }
}

/// <summary>
/// Chooses the isolation mode and composes the stages of a run: [interpreter exposure, as root] →
/// [privilege drop, as root] → [bubblewrap | unshare | nothing] → python with the bootstrap. Every stage
/// passes descriptor 3 (the bootstrap's status socket) through untouched.
/// </summary>
internal static class LaunchPlanner
{
    public const int StatusFd = 3;
    public const int SeccompFd = 4;

    public static IsolationMode ChooseMode(ExecutionOptions options, HostCapabilities host, PythonInterpreter python)
    {
        bool Usable(IsolationMode mode) => host.Supports(mode) && (mode != IsolationMode.Bootstrap || python.HasCtypes);

        if (options.Isolation != IsolationMode.Auto)
        {
            if (!Usable(options.Isolation))
            {
                var why = options.Isolation == IsolationMode.Bootstrap && !python.HasCtypes
                    ? $"{python.Executable} has no ctypes module"
                    : string.Join("; ", host.Problems);
                throw new ExecutionSetupException($"isolation mode '{options.Isolation}' is not available on this machine ({why})");
            }

            return options.Isolation;
        }

        var best = new[] { IsolationMode.Bubblewrap, IsolationMode.Unshare, IsolationMode.Bootstrap, IsolationMode.None }
            .FirstOrDefault(Usable, IsolationMode.Auto);
        return best != IsolationMode.Auto
            ? best
            : throw new ExecutionSetupException($"no way to run code here ({string.Join("; ", host.Problems)})");
    }

    public static LaunchPlan Plan(
        ExecutionOptions options, ExecutionRequest request, HostCapabilities host, PythonInterpreter python, RunDirectory run)
    {
        var mode = ChooseMode(options, host, python);
        var (uid, gid) = SandboxIds(options, host);
        var layers = new List<string>();
        var command = new List<string>();
        if (HiddenDirectory(host, python, uid, gid) is { } hidden)
        {
            command.AddRange(InterpreterExposure.Arguments(host.RootMountNamespaceTool!, hidden, python.BasePrefix));
        }

        var inSandbox = mode == IsolationMode.Bubblewrap;
        if (host.IsRoot)
        {
            command.AddRange(PrivilegeDrop.Arguments(host.Setpriv!, (int)uid, (int)gid));
            layers.Add(IsolationLayers.UnprivilegedUser);
        }
        else if (!inSandbox && host.Setpriv is not null)
        {
            command.AddRange(PrivilegeDrop.ParentDeathOnly(host.Setpriv));
        }

        var work = inSandbox ? BubblewrapStage.WorkDirectory : run.Work;
        var environment = ProgramEnvironment(options, work);
        var bootstrap = BootstrapSettings(options, mode, work);

        byte[]? bwrapSeccomp = null;
        switch (mode)
        {
            case IsolationMode.Bubblewrap:
                bwrapSeccomp = AddBubblewrap(command, layers, options, host, python, run, environment);
                bootstrap.Set("input", BubblewrapStage.InputDirectory);
                break;
            case IsolationMode.Unshare:
                command.AddRange(UnshareStage.NamespaceArguments(host.Unshare!, uid, gid, options.AllowNetwork));
                layers.AddRange(Namespaces(IsolationLayers.Unshare, options.AllowNetwork));
                bootstrap.Set("init", "1");
                AddBootstrapConfinement(bootstrap, options, host, python, run, killOnProcessCreation: false);
                break;
            case IsolationMode.Bootstrap:
                AddBootstrapConfinement(bootstrap, options, host, python, run, killOnProcessCreation: true);
                break;
        }

        command.Add(python.Executable);
        command.AddRange(bootstrap.Arguments(inSandbox ? BubblewrapStage.BootstrapFile : run.Bootstrap, request.ScriptName, request.Arguments));
        return new LaunchPlan
        {
            Mode = mode,
            Command = command,
            Environment = inSandbox ? ["PATH=/usr/bin:/bin"] : [.. environment.Select(kv => $"{kv.Key}={kv.Value}")],
            SpawnDirectory = run.Work,
            BubblewrapSeccomp = bwrapSeccomp,
            Layers = layers,
            SandboxWorkDirectory = work,
            WorkDirectoryInSandbox = inSandbox,
            ProcessCreationKills = mode == IsolationMode.Bootstrap && host.Seccomp && python.HasCtypes,
        };
    }

    /// <summary>Adds the bubblewrap stage; returns the seccomp program it reads from descriptor 4, if any.</summary>
    private static byte[]? AddBubblewrap(
        List<string> command, List<string> layers, ExecutionOptions options, HostCapabilities host, PythonInterpreter python,
        RunDirectory run, IReadOnlyDictionary<string, string> environment)
    {
        var seccomp = host.Seccomp && SyscallTable.Current is { } table
            ? SeccompFilter.ToBytes(SeccompFilter.Build(table, options.AllowNetwork, killOnProcessCreation: false))
            : null;
        command.AddRange(BubblewrapStage.Arguments(new BubblewrapStage.Settings(
            host.Bubblewrap!, host.BubblewrapDisablesUserNamespaces, options.AllowNetwork, options.MaxDiskBytes,
            [.. python.ReadOnlyPaths.Select(p => (p, p))],
            run.Work, run.Bootstrap, environment, seccomp is null ? null : SeccompFd)));
        layers.AddRange(Namespaces(IsolationLayers.Bubblewrap, options.AllowNetwork));
        if (seccomp is not null)
        {
            layers.Add(IsolationLayers.Seccomp);
        }

        return seccomp;
    }

    /// <summary>The sandbox user: the configured one when PyGuard is root, otherwise PyGuard's own user.</summary>
    public static (uint Uid, uint Gid) SandboxIds(ExecutionOptions options, HostCapabilities host) =>
        host.IsRoot ? ((uint)options.SandboxUserId, (uint)options.SandboxGroupId) : (LibC.geteuid(), LibC.getegid());

    private static IEnumerable<string> Namespaces(string launcher, bool allowNetwork)
    {
        yield return launcher;
        yield return IsolationLayers.UserNamespace;
        yield return IsolationLayers.PidNamespace;
        if (!allowNetwork)
        {
            yield return IsolationLayers.NetworkNamespace;
        }

        yield return IsolationLayers.MountNamespace;
        yield return IsolationLayers.IpcNamespace;
        yield return IsolationLayers.UtsNamespace;
    }

    /// <summary>
    /// When root hands the run to a user who cannot reach the interpreter's files, the outermost directory above
    /// them that this user cannot enter (see <see cref="InterpreterExposure"/>); null when nothing is out of reach.
    /// </summary>
    private static string? HiddenDirectory(HostCapabilities host, PythonInterpreter python, uint uid, uint gid)
    {
        if (!host.IsRoot)
        {
            return null;
        }

        var unreachable = python.ReadOnlyPaths.Where(p => !UnixAccess.CanReach(p, uid, gid)).ToList();
        if (unreachable.Count == 0)
        {
            return null;
        }

        var prefix = python.BasePrefix.TrimEnd('/');
        var hidden = OutermostClosed(prefix, uid, gid);
        if (host.RootMountNamespaceTool is null || hidden is null || unreachable.Any(p => !p.StartsWith(prefix + "/", StringComparison.Ordinal)))
        {
            throw new ExecutionSetupException(
                $"the interpreter's files ({unreachable[0]}) are out of reach of the sandbox user {uid}, and cannot be " +
                "shown to it (needs bubblewrap as root); use an interpreter outside private directories");
        }

        return hidden;
    }

    /// <summary>The first directory on the way down to <paramref name="path"/> (itself included) that the user cannot enter.</summary>
    private static string? OutermostClosed(string path, uint uid, uint gid)
    {
        var current = "";
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current += "/" + segment;
            if (!UnixAccess.CanEnter(current, uid, gid))
            {
                return current;
            }
        }

        return null;
    }

    private static Dictionary<string, string> ProgramEnvironment(ExecutionOptions options, string work)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
            ["HOME"] = work,
            ["TMPDIR"] = work + "/.tmp",
            ["LANG"] = "C.UTF-8",
        };
        foreach (var name in options.EnvironmentAllowlist)
        {
            if (System.Environment.GetEnvironmentVariable(name) is { } value)
            {
                environment[name] = value;
            }
        }

        foreach (var (name, value) in options.Environment)
        {
            if (name.Length == 0 || name.Contains('=') || name.Contains('\0') || value.Contains('\0'))
            {
                throw new ArgumentException($"invalid environment variable '{name}'", nameof(options));
            }

            environment[name] = value;
        }

        return environment;
    }

    private static BootstrapCommand BootstrapSettings(ExecutionOptions options, IsolationMode mode, string work)
    {
        var cpu = options.EffectiveCpuSeconds;
        var bootstrap = new BootstrapCommand()
            .Set("status", StatusFd)
            .Set("workdir", work)
            .Set("tmpdir", work + "/.tmp")
            .SetLimit("cpu", cpu, cpu + 1)
            .SetLimit("as", options.MemoryBytes, options.MemoryBytes)
            .SetLimit("fsize", options.MaxFileBytes, options.MaxFileBytes)
            .SetLimit("nofile", options.MaxOpenFiles, options.MaxOpenFiles)
            .SetLimit("core", 0, 0);
        if (mode is IsolationMode.Bubblewrap or IsolationMode.Unshare)
        {
            // Counted per user inside the new user namespace, which holds only this run: the namespace's first
            // process (bubblewrap's or the bootstrap's reaper), the program's tasks, and one spare so that the
            // supervisor sees the program go over its limit and stops it (stoppedBy: processes).
            bootstrap.SetLimit("nproc", options.MaxProcesses + 2, options.MaxProcesses + 2);
        }

        if (options.AuditHook)
        {
            bootstrap.Set("audit", "1").SetList("denied", options.DeniedImports);
        }

        if (options.AllowNetwork)
        {
            bootstrap.Set("network", "1");
        }

        return bootstrap;
    }

    /// <summary>Landlock and seccomp set by the bootstrap itself, where no bubblewrap builds the sandbox.</summary>
    private static void AddBootstrapConfinement(
        BootstrapCommand bootstrap, ExecutionOptions options, HostCapabilities host, PythonInterpreter python,
        RunDirectory run, bool killOnProcessCreation)
    {
        if (!python.HasCtypes)
        {
            return;
        }

        if (host.LandlockAbi > 0)
        {
            bootstrap.SetList("landlock.read", python.ReadOnlyPaths
                .Concat(SystemPaths.ReadableRealPaths()).Concat(SystemPaths.ReadableDevices).Append(run.Bootstrap));
            bootstrap.SetList("landlock.write", [run.Work, .. SystemPaths.WritableDevices]);
        }

        if (host.Seccomp && SyscallTable.Current is { } table)
        {
            var program = SeccompFilter.ToBytes(SeccompFilter.Build(table, options.AllowNetwork, killOnProcessCreation));
            bootstrap.Set("seccomp", Convert.ToHexStringLower(program));
        }
    }
}
