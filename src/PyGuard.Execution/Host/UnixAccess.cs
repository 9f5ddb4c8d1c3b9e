using PyGuard.Execution.Native;

namespace PyGuard.Execution.Host;

/// <summary>
/// Answers whether another user could reach a path: every directory above it searchable and the path itself
/// readable, by the classic owner/group/other bits (the sandbox user has no capabilities and no
/// supplementary groups, so nothing else applies). Used when PyGuard runs as root and hands the run to an
/// unprivileged user: pyenv's interpreters under /root, for instance, are out of that user's reach.
/// </summary>
internal static unsafe class UnixAccess
{
    private const int Read = 4;
    private const int Search = 1;

    public static bool CanReach(string path, uint uid, uint gid) => CanReach(path, uid, gid, Read);

    /// <summary>Whether another user could enter a directory (search every directory down to and including it).</summary>
    public static bool CanEnter(string directory, uint uid, uint gid) => CanReach(directory, uid, gid, Search);

    private static bool CanReach(string path, uint uid, uint gid, int finalPermission)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full);
        var ancestors = new List<string>();
        for (var d = directory; d is not null; d = Path.GetDirectoryName(d))
        {
            ancestors.Add(d);
        }

        foreach (var ancestor in ancestors)
        {
            if (!Allows(ancestor, uid, gid, Search))
            {
                return false;
            }
        }

        return Allows(full, uid, gid, finalPermission);
    }

    /// <summary>The owner of a path, or null when it cannot be examined.</summary>
    public static (uint Uid, uint Gid)? Owner(string path)
    {
        LibC.Statx status;
        return LibC.statx(LibC.AT_FDCWD, path, 0, LibC.STATX_UID | LibC.STATX_GID, &status) == 0
            ? (status.Uid, status.Gid)
            : null;
    }

    private static bool Allows(string path, uint uid, uint gid, int wanted)
    {
        LibC.Statx status;
        if (LibC.statx(LibC.AT_FDCWD, path, 0, LibC.STATX_MODE | LibC.STATX_UID | LibC.STATX_GID, &status) != 0)
        {
            return false;
        }

        var mode = status.Mode;
        var bits = status.Uid == uid ? (mode >> 6) & 7 : status.Gid == gid ? (mode >> 3) & 7 : mode & 7;
        return (bits & wanted) == wanted;
    }
}
