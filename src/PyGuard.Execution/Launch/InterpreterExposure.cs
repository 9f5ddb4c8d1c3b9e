namespace PyGuard.Execution.Launch;

/// <summary>
/// When root runs a sandbox for an unprivileged user, an interpreter under a private directory (pyenv's under
/// root's home, mode 0700) is out of that user's reach, and bubblewrap resolves bind sources with the user's
/// permissions (even <c>--ro-bind-fd</c>, through realpath). This stage, run by root before the privilege drop,
/// is a bubblewrap that only makes a private mount namespace: the file system stays as it is, except that the
/// private directory is replaced by an empty tmpfs holding nothing but the interpreter's prefix, bound back at
/// its own path. The interpreter keeps its paths (a shared libpython's absolute RPATH still resolves), the rest
/// of the private directory disappears from the sandbox's view, and the host's mount table never changes.
/// </summary>
internal static class InterpreterExposure
{
    public static IReadOnlyList<string> Arguments(string bubblewrap, string hiddenDirectory, string prefix)
    {
        List<string> arguments = [bubblewrap, "--dev-bind", "/", "/", "--perms", "0755", "--tmpfs", hiddenDirectory, "--ro-bind", prefix, prefix];

        // bubblewrap creates the directories between the tmpfs and the bind point for root only (0700).
        var relative = Path.GetRelativePath(hiddenDirectory, prefix).Split('/');
        var directory = hiddenDirectory;
        foreach (var segment in relative[..^1])
        {
            directory = directory.TrimEnd('/') + "/" + segment;
            arguments.AddRange(["--chmod", "0755", directory]);
        }

        arguments.AddRange(["--die-with-parent", "--"]);
        return arguments;
    }
}
