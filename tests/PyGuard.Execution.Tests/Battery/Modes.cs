namespace PyGuard.Execution.Tests.Battery;

/// <summary>The operating-system layers every hostile test runs under, each forced in turn.</summary>
public static class Modes
{
    public static TheoryData<IsolationMode> Sandboxes => new(IsolationMode.Bubblewrap, IsolationMode.Unshare, IsolationMode.Bootstrap);

    /// <summary>Resource limits hold in every mode, the unsandboxed one included.</summary>
    public static TheoryData<IsolationMode> All => new(IsolationMode.Bubblewrap, IsolationMode.Unshare, IsolationMode.Bootstrap, IsolationMode.None);
}
