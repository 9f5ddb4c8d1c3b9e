using System.Globalization;

namespace PyGuard.Execution.Launch;

/// <summary>
/// L2b: util-linux unshare with new user, PID, network, mount, IPC and UTS namespaces, the sandbox user
/// mapped to itself, and a /proc that shows only the sandbox's processes. <c>--kill-child</c> kills the
/// namespace's first process if unshare dies; the bootstrap, as that first process, forks the program and
/// reaps (see bootstrap.py, _become_init) because unshare itself reports every signal death as exit 1.
/// </summary>
internal static class UnshareStage
{
    public static IReadOnlyList<string> NamespaceArguments(string unshare, uint uid, uint gid, bool network = false)
    {
        List<string> arguments =
        [
            unshare, "--user",
            $"--map-user={uid.ToString(CultureInfo.InvariantCulture)}",
            $"--map-group={gid.ToString(CultureInfo.InvariantCulture)}",
            "--pid", "--mount", "--ipc", "--uts", "--fork", "--mount-proc", "--kill-child",
        ];
        if (!network)
        {
            arguments.Add("--net");
        }

        arguments.Add("--");
        return arguments;
    }
}
