using System.Globalization;

namespace PyGuard.Execution.Launch;

/// <summary>
/// The setpriv prefix that moves a run started by root to the sandbox user before anything else happens:
/// real and effective ids, no supplementary groups, empty inheritable and bounding capability sets, and
/// no-new-privileges so no set-uid program can give anything back. Bubblewrap started as root would leave
/// the program every capability (it could remount /usr read-write); started by this unprivileged user it
/// builds the sandbox in a user namespace it owns, as it was designed to. The parent-death signal (set after
/// the user switch, which would clear it) kills the run if PyGuard itself dies.
/// </summary>
internal static class PrivilegeDrop
{
    public static IReadOnlyList<string> Arguments(string setpriv, int uid, int gid) =>
    [
        setpriv,
        $"--reuid={uid.ToString(CultureInfo.InvariantCulture)}",
        $"--regid={gid.ToString(CultureInfo.InvariantCulture)}",
        "--clear-groups",
        "--inh-caps=-all",
        "--bounding-set=-all",
        "--no-new-privs",
        "--pdeathsig=KILL",
        "--",
    ];

    /// <summary>
    /// Without a user switch (PyGuard is not root): only no-new-privileges and the parent-death signal, for the
    /// layers that have no bubblewrap --die-with-parent to end the run when PyGuard dies.
    /// </summary>
    public static IReadOnlyList<string> ParentDeathOnly(string setpriv) => [setpriv, "--no-new-privs", "--pdeathsig=KILL", "--"];
}
