namespace PyGuard.Execution;

/// <summary>
/// The limits and policy of one run. Defaults suit an agent's short scripts; every limit is enforced by the
/// strongest mechanism the machine offers and reported in the result's isolation list.
/// </summary>
public sealed record ExecutionOptions
{
    private const long MiB = 1024 * 1024;

    /// <summary>
    /// Modules the audit hook refuses to import: foreign-function interfaces and interpreter internals that
    /// reach past the hook. Process creation is refused where it happens (subprocess.Popen, os.fork...), not at
    /// import, because much of the standard library imports subprocess without ever using it.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultDeniedImports =
    [
        "ctypes", "_ctypes", "cffi", "_cffi_backend", "_xxsubinterpreters", "_interpreters", "_testcapi",
        "_testinternalcapi",
    ];

    public static ExecutionOptions Default { get; } = new();

    /// <summary>The Python interpreter (3.8 or later); null finds <c>python3</c> on PATH and resolves shims (pyenv) once.</summary>
    public string? Interpreter { get; init; }

    public TimeSpan WallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>CPU seconds per process; null means the wall timeout rounded up.</summary>
    public int? CpuSeconds { get; init; }

    /// <summary>Address space per process, and (with the cgroup layer) memory for the whole run.</summary>
    public long MemoryBytes { get; init; } = 512 * MiB;

    /// <summary>Processes and threads the program may have at once, itself included.</summary>
    public int MaxProcesses { get; init; } = 16;

    /// <summary>Largest file the program may write.</summary>
    public long MaxFileBytes { get; init; } = 64 * MiB;

    /// <summary>Total bytes in the working directory (and the sandbox's /tmp, which lives inside it).</summary>
    public long MaxDiskBytes { get; init; } = 128 * MiB;

    /// <summary>Files and directories the working directory may hold.</summary>
    public int MaxFiles { get; init; } = 4096;

    /// <summary>Bytes kept of standard output, and separately of standard error; more stops the program.</summary>
    public int MaxOutputBytes { get; init; } = 1024 * 1024;

    public int MaxOpenFiles { get; init; } = 256;

    /// <summary>Network access; off by default, and off means no socket other than AF_UNIX can even be created.</summary>
    public bool AllowNetwork { get; init; }

    /// <summary>Names of PyGuard's own environment variables passed to the program; nothing else is.</summary>
    public IReadOnlyList<string> EnvironmentAllowlist { get; init; } = [];

    /// <summary>Variables set for the program in addition to the allowlisted ones.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Install the PEP 578 audit hook (tests turn it off to prove the operating-system layers alone).</summary>
    public bool AuditHook { get; init; } = true;

    public IReadOnlyList<string> DeniedImports { get; init; } = DefaultDeniedImports;

    public IsolationMode Isolation { get; init; } = IsolationMode.Auto;

    /// <summary>Put the run in its own cgroup when PyGuard runs as root and the machine allows it.</summary>
    public bool UseCgroup { get; init; } = true;

    /// <summary>Refuse to run (result not executed) when no operating-system isolation layer would be in force.</summary>
    public bool RequireSandbox { get; init; }

    /// <summary>The user and group the program runs as when PyGuard runs as root.</summary>
    public int SandboxUserId { get; init; } = 65534;

    public int SandboxGroupId { get; init; } = 65534;

    /// <summary>Where private run directories are created; null means the system temporary directory.</summary>
    public string? RunDirectoryRoot { get; init; }

    /// <summary>Largest file returned by collection; a larger one is returned truncated.</summary>
    public long MaxCollectedFileBytes { get; init; } = 16 * MiB;

    /// <summary>The CPU limit in seconds (soft); the hard limit is one second more.</summary>
    public int EffectiveCpuSeconds => CpuSeconds ?? Math.Max(1, (int)Math.Ceiling(WallTimeout.TotalSeconds));

    /// <summary>Throws <see cref="ArgumentException"/> for a limit that cannot be enforced.</summary>
    public void Validate()
    {
        Require(WallTimeout > TimeSpan.Zero, nameof(WallTimeout), "must be positive");
        Require(CpuSeconds is null or > 0, nameof(CpuSeconds), "must be positive");
        Require(MemoryBytes >= 32 * MiB, nameof(MemoryBytes), "must be at least 32 MiB (the interpreter alone needs that)");
        Require(MaxProcesses >= 1, nameof(MaxProcesses), "must be at least 1");
        Require(MaxFileBytes >= 0, nameof(MaxFileBytes), "must not be negative");
        Require(MaxDiskBytes >= 64 * 1024, nameof(MaxDiskBytes), "must be at least 64 KiB");
        Require(MaxFiles >= 8, nameof(MaxFiles), "must be at least 8");
        Require(MaxOutputBytes >= 0, nameof(MaxOutputBytes), "must not be negative");
        Require(MaxOpenFiles >= 16, nameof(MaxOpenFiles), "must be at least 16");
        Require(SandboxUserId > 0 && SandboxGroupId > 0, nameof(SandboxUserId), "must not be root");
    }

    private static void Require(bool condition, string name, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"{name} {message}", name);
        }
    }
}
