namespace PyGuard.Execution.Tests.Support;

/// <summary>Runs snippets with small limits suited to a two-core CI machine.</summary>
internal static class Sandbox
{
    public static readonly SandboxExecutor Executor = new();

    /// <summary>Small limits; the operating-system layers alone (no audit hook) unless a test turns it on.</summary>
    public static ExecutionOptions Options(IsolationMode mode, bool auditHook = false) => new()
    {
        Interpreter = TestEnvironment.Python,
        Isolation = mode,
        AuditHook = auditHook,
        WallTimeout = TimeSpan.FromSeconds(20),
        CpuSeconds = 10,
        MemoryBytes = 256L << 20,
        MaxProcesses = 8,
        MaxFileBytes = 8L << 20,
        MaxDiskBytes = 32L << 20,
        MaxOutputBytes = 64 * 1024,
    };

    public static ExecutionResult Run(string code, ExecutionOptions options, params string[] arguments) =>
        Executor.Run(ExecutionRequest.FromText(code) with { Arguments = arguments }, options, TestContext.Current.CancellationToken);

    public static ExecutionResult Run(ExecutionRequest request, ExecutionOptions options) =>
        Executor.Run(request, options, TestContext.Current.CancellationToken);

    /// <summary>A token that appears in a run's command line and nowhere else.</summary>
    public static string Marker() => "pyguard-marker-" + Guid.NewGuid().ToString("N");
}
