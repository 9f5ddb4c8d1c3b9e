namespace PyGuard.Execution;

/// <summary>
/// The names reported in a result's <c>isolation</c> list. A name appears only when that mechanism was
/// really in force for the run (docs/executor.md describes each).
/// </summary>
public static class IsolationLayers
{
    public const string Rlimits = "rlimits";
    public const string Bubblewrap = "bubblewrap";
    public const string Unshare = "unshare";
    public const string UserNamespace = "user-namespace";
    public const string PidNamespace = "pid-namespace";
    public const string NetworkNamespace = "network-namespace";
    public const string MountNamespace = "mount-namespace";
    public const string IpcNamespace = "ipc-namespace";
    public const string UtsNamespace = "uts-namespace";
    public const string Seccomp = "seccomp";
    public const string Landlock = "landlock";
    public const string Cgroup = "cgroup";
    public const string UnprivilegedUser = "unprivileged-user";
    public const string AuditHook = "audit-hook";

    /// <summary>The layers that isolate the program from the machine (rather than only limiting it).</summary>
    public static bool IsOperatingSystemIsolation(string layer) =>
        layer is Bubblewrap or Unshare or UserNamespace or PidNamespace or NetworkNamespace or MountNamespace
            or Seccomp or Landlock;
}
