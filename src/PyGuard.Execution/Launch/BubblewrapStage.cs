using System.Globalization;

namespace PyGuard.Execution.Launch;

/// <summary>
/// L2: the bubblewrap command line. Every namespace is new (user, PID, network, mount, IPC, UTS, cgroup);
/// the root is an empty tmpfs, remounted read-only once built, holding only read-only binds of the
/// interpreter and the system libraries, a private /proc and /dev, and the working directory: a tmpfs sized to
/// the disk limit (tmpfs lives in RAM, so an unsized one would be a memory hole), with /tmp pointing into
/// it. The seccomp program comes on a descriptor; <c>--die-with-parent</c> and the PID namespace make sure
/// nothing outlives the run; <c>--new-session</c> keeps the program off any terminal.
/// </summary>
internal static class BubblewrapStage
{
    public const string WorkDirectory = "/work";
    public const string InputDirectory = "/.pyguard-input";
    public const string BootstrapFile = "/.pyguard-bootstrap";

    public sealed record Settings(
        string Bubblewrap,
        bool DisableUserNamespaces,
        bool AllowNetwork,
        long DiskBytes,
        IReadOnlyList<(string Source, string Destination)> InterpreterBinds,
        string InputSource,
        string BootstrapSource,
        IReadOnlyDictionary<string, string> Environment,
        int? SeccompFd);

    public static IReadOnlyList<string> Arguments(Settings settings)
    {
        var arguments = new List<string>
        {
            settings.Bubblewrap, "--unshare-all", "--unshare-user", "--die-with-parent", "--new-session",
            "--hostname", "pyguard",
        };
        if (settings.DisableUserNamespaces)
        {
            arguments.Add("--disable-userns");
        }

        if (settings.AllowNetwork)
        {
            arguments.Add("--share-net");
        }

        var system = SystemPaths.Entries();
        foreach (var entry in system)
        {
            arguments.AddRange(entry.IsSymlink
                ? ["--symlink", entry.SymlinkTarget!, entry.Path]
                : ["--ro-bind", entry.Path, entry.Path]);
        }

        foreach (var (source, destination) in settings.InterpreterBinds)
        {
            if (!system.Any(e => !e.IsSymlink && destination.StartsWith(e.Path.TrimEnd('/') + "/", StringComparison.Ordinal)))
            {
                arguments.AddRange(["--ro-bind", source, destination]);
            }
        }

        if (settings.AllowNetwork)
        {
            // Name resolution and certificates, only when the run may use the network at all.
            foreach (var path in new[] { "/etc/resolv.conf", "/etc/hosts", "/etc/nsswitch.conf", "/etc/ssl" })
            {
                arguments.AddRange(["--ro-bind-try", path, path]);
            }
        }

        arguments.AddRange(
        [
            "--proc", "/proc",
            "--dev", "/dev",
            "--size", settings.DiskBytes.ToString(CultureInfo.InvariantCulture), "--tmpfs", WorkDirectory,
            "--symlink", WorkDirectory + "/.tmp", "/tmp",
            "--ro-bind", settings.InputSource, InputDirectory,
            "--ro-bind", settings.BootstrapSource, BootstrapFile,
            "--remount-ro", "/",
            "--remount-ro", "/dev",
            "--chdir", WorkDirectory,
            "--clearenv",
        ]);
        foreach (var (name, value) in settings.Environment)
        {
            arguments.AddRange(["--setenv", name, value]);
        }

        if (settings.SeccompFd is { } fd)
        {
            arguments.AddRange(["--seccomp", fd.ToString(CultureInfo.InvariantCulture)]);
        }

        arguments.Add("--");
        return arguments;
    }
}
