namespace PyGuard.Execution;

/// <summary>
/// Which operating-system sandbox a run uses. <see cref="Auto"/> takes the strongest this machine offers;
/// the others force one layer (tests use them to exercise every fallback), and fail with
/// <see cref="ExecutionSetupException"/> when the machine cannot provide it.
/// </summary>
public enum IsolationMode
{
    /// <summary>Bubblewrap, else unshare, else the bootstrap's Landlock and seccomp, else unsandboxed.</summary>
    Auto,

    /// <summary>L2: bubblewrap with every namespace, a minimal read-only file system and a seccomp filter.</summary>
    Bubblewrap,

    /// <summary>L2b: util-linux unshare with user, PID, network, mount, IPC and UTS namespaces (plus Landlock and seccomp where available).</summary>
    Unshare,

    /// <summary>L3: no namespaces; the bootstrap sets Landlock and a seccomp filter that also forbids new processes.</summary>
    Bootstrap,

    /// <summary>No operating-system isolation: resource limits and the audit hook only. Reported as unsandboxed.</summary>
    None,
}
