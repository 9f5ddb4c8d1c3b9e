namespace PyGuard.Execution.Launch;

/// <summary>
/// When root runs a sandbox for an unprivileged user, an interpreter under a private directory (pyenv's
/// ~/.pyenv of root, mode 0700) is out of that user's reach, and bubblewrap resolves bind sources with the
/// user's permissions. This stage, run by root before the privilege drop, is a bubblewrap that only creates a
/// private mount namespace: it keeps the whole file system as it is and binds the interpreter's prefix onto an
/// empty directory of the run, where the sandbox user can reach it. The host's mount table never changes.
/// </summary>
internal static class InterpreterExposure
{
    public static IReadOnlyList<string> Arguments(string bubblewrap, string prefix, string mountPoint) =>
        [bubblewrap, "--dev-bind", "/", "/", "--ro-bind", prefix, mountPoint, "--die-with-parent", "--"];
}
