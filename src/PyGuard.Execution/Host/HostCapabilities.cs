using PyGuard.Execution.Cgroups;
using PyGuard.Execution.Launch;
using PyGuard.Execution.Native;
using PyGuard.Execution.Seccomp;

namespace PyGuard.Execution.Host;

/// <summary>
/// What this machine offers the executor, found once per process by trying each mechanism for real (a
/// namespace that the kernel, a container's seccomp profile or a sysctl refuses shows up here as
/// unavailable, with the reason).
/// </summary>
public sealed record HostCapabilities
{
    private static readonly Lazy<HostCapabilities> Detected = new(Detect);

    /// <summary>The capabilities of the machine this process runs on.</summary>
    public static HostCapabilities Current => Detected.Value;

    public bool IsRoot { get; init; }

    /// <summary>Path of a bubblewrap that really creates every namespace here; null when it cannot.</summary>
    public string? Bubblewrap { get; init; }

    /// <summary>Whether that bubblewrap can forbid further user namespaces inside the sandbox (0.8 and later).</summary>
    public bool BubblewrapDisablesUserNamespaces { get; init; }

    /// <summary>
    /// Path of a bubblewrap that root can use for a private mount namespace alone (the interpreter-exposure
    /// stage); null when not root or when it cannot.
    /// </summary>
    public string? RootMountNamespaceTool { get; init; }

    /// <summary>Path of a util-linux unshare that really creates user, PID and network namespaces here.</summary>
    public string? Unshare { get; init; }

    /// <summary>Path of setpriv, used to drop to the sandbox user when PyGuard runs as root.</summary>
    public string? Setpriv { get; init; }

    /// <summary>The kernel's Landlock ABI version; 0 when Landlock is unavailable.</summary>
    public int LandlockAbi { get; init; }

    /// <summary>Whether seccomp filters can be installed and the executor knows this architecture's system calls.</summary>
    public bool Seccomp { get; init; }

    /// <summary>Per-run cgroups (root only); null when unavailable.</summary>
    internal CgroupHost? Cgroups { get; init; }

    public bool CgroupsAvailable => Cgroups is not null;

    /// <summary>Why a mechanism is unavailable, one line each.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>Whether a forced mode can be used here (the interpreter may add its own conditions).</summary>
    public bool Supports(IsolationMode mode) => mode switch
    {
        IsolationMode.Auto or IsolationMode.None => !IsRoot || Setpriv is not null,
        IsolationMode.Bubblewrap => Bubblewrap is not null && (!IsRoot || Setpriv is not null),
        IsolationMode.Unshare => Unshare is not null && (!IsRoot || Setpriv is not null),
        IsolationMode.Bootstrap => (LandlockAbi > 0 || Seccomp) && (!IsRoot || Setpriv is not null),
        _ => false,
    };

    private static HostCapabilities Detect()
    {
        var problems = new List<string>();
        var isRoot = LibC.geteuid() == 0;
        var setpriv = CommandProbe.FindExecutable("setpriv");
        if (isRoot && setpriv is null)
        {
            problems.Add("running as root without setpriv (util-linux): the program cannot be moved to an unprivileged user");
        }

        var dropPrivileges = isRoot && setpriv is not null
            ? PrivilegeDrop.Arguments(setpriv, ExecutionOptions.Default.SandboxUserId, ExecutionOptions.Default.SandboxGroupId)
            : [];
        var (bubblewrap, disablesUserns) = ProbeBubblewrap(dropPrivileges, problems);
        var unshare = ProbeUnshare(dropPrivileges, isRoot, problems);
        var mountTool = isRoot ? ProbeRootMountNamespace(problems) : null;
        var landlock = ProbeLandlock();
        if (landlock == 0)
        {
            problems.Add("Landlock is not enabled in this kernel");
        }

        var seccomp = ProbeSeccomp(problems);
        var cgroups = isRoot ? CgroupHost.Detect(problems) : null;
        return new HostCapabilities
        {
            IsRoot = isRoot,
            Bubblewrap = bubblewrap,
            BubblewrapDisablesUserNamespaces = disablesUserns,
            Unshare = unshare,
            RootMountNamespaceTool = mountTool,
            Setpriv = setpriv,
            LandlockAbi = landlock,
            Seccomp = seccomp,
            Cgroups = cgroups,
            Problems = problems,
        };
    }

    private static (string? Path, bool DisablesUserns) ProbeBubblewrap(IReadOnlyList<string> dropPrivileges, List<string> problems)
    {
        var bwrap = CommandProbe.FindExecutable("bwrap");
        if (bwrap is null)
        {
            problems.Add("bubblewrap is not installed (apt-get install bubblewrap)");
            return (null, false);
        }

        var help = CommandProbe.Run(bwrap, ["--help"]);
        var text = help.Stdout + help.Stderr;
        if (!text.Contains("--size", StringComparison.Ordinal))
        {
            problems.Add("bubblewrap is too old to size a tmpfs (--size needs 0.7 or later)");
            return (null, false);
        }

        var disablesUserns = text.Contains("--disable-userns", StringComparison.Ordinal);
        List<string> command = [.. dropPrivileges, bwrap, "--unshare-all", "--unshare-user", "--die-with-parent", "--new-session"];
        if (disablesUserns)
        {
            command.Add("--disable-userns");
        }

        command.AddRange(["--ro-bind", "/", "/", "--proc", "/proc", "--", bwrap, "--version"]);
        var outcome = CommandProbe.Run(command[0], command.Skip(1));
        if (!outcome.Succeeded)
        {
            problems.Add($"bubblewrap cannot create its namespaces here: {FirstLine(outcome.Stderr)}");
            return (null, false);
        }

        return (bwrap, disablesUserns);
    }

    private static string? ProbeRootMountNamespace(List<string> problems)
    {
        var bwrap = CommandProbe.FindExecutable("bwrap");
        if (bwrap is null)
        {
            return null;
        }

        List<string> command = [.. InterpreterExposure.Arguments(bwrap, "/usr", "/usr"), bwrap, "--version"];
        var outcome = CommandProbe.Run(command[0], command.Skip(1));
        if (!outcome.Succeeded)
        {
            problems.Add($"root cannot create a private mount namespace with bubblewrap: {FirstLine(outcome.Stderr)}");
            return null;
        }

        return bwrap;
    }

    private static string? ProbeUnshare(IReadOnlyList<string> dropPrivileges, bool isRoot, List<string> problems)
    {
        var unshare = CommandProbe.FindExecutable("unshare");
        if (unshare is null)
        {
            problems.Add("unshare (util-linux) is not installed");
            return null;
        }

        var (uid, gid) = isRoot
            ? ((uint)ExecutionOptions.Default.SandboxUserId, (uint)ExecutionOptions.Default.SandboxGroupId)
            : (LibC.geteuid(), LibC.getegid());
        List<string> command = [.. dropPrivileges, .. UnshareStage.NamespaceArguments(unshare, uid, gid), unshare, "--version"];
        var outcome = CommandProbe.Run(command[0], command.Skip(1));
        if (!outcome.Succeeded)
        {
            problems.Add($"unshare cannot create user, PID and network namespaces here: {FirstLine(outcome.Stderr)}");
            return null;
        }

        return unshare;
    }

    private static int ProbeLandlock()
    {
        // landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION) returns the ABI version.
        const int landlockCreateRuleset = 444;
        var abi = LibC.syscall(landlockCreateRuleset, 0, 0, 1);
        return abi > 0 ? (int)abi : 0;
    }

    private static bool ProbeSeccomp(List<string> problems)
    {
        if (SyscallTable.Current is null)
        {
            problems.Add("the seccomp filter is only written for x86-64");
            return false;
        }

        if (LibC.prctl(LibC.PR_GET_SECCOMP, 0, 0, 0, 0) < 0)
        {
            problems.Add("this kernel does not support seccomp filters");
            return false;
        }

        return true;
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";
}
