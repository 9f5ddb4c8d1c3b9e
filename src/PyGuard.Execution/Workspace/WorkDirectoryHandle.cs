using PyGuard.Execution.Native;

namespace PyGuard.Execution.Workspace;

/// <summary>
/// An open descriptor on the program's working directory, from which files are collected and usage is
/// measured. Under bubblewrap the working directory is a tmpfs inside the sandbox's mount namespace; the
/// descriptor, opened through /proc/PID/root while the sandbox runs, keeps that tmpfs alive after the
/// namespace is gone, so files can be read back even from a program stopped at a limit. Every path is
/// opened component by component with O_NOFOLLOW: a link the program planted (work/out -> /etc/shadow)
/// is refused, never followed with PyGuard's privileges; a FIFO or device is refused without blocking.
/// </summary>
internal sealed unsafe class WorkDirectoryHandle : IDisposable
{
    private const ushort TypeMask = 0xF000;
    private const ushort RegularFile = 0x8000;

    private readonly OwnedFd _directory;

    private WorkDirectoryHandle(OwnedFd directory) => _directory = directory;

    public static WorkDirectoryHandle? Open(string path) =>
        OwnedFd.OpenAt(null, path, LibC.O_RDONLY | LibC.O_DIRECTORY) is { } fd ? new WorkDirectoryHandle(fd) : null;

    /// <summary>Bytes and inodes in use on the file system holding the directory (for the sandbox's own tmpfs, the program's usage).</summary>
    public (long Bytes, long Files)? FileSystemUsage()
    {
        LibC.StatVfs stat;
        if (LibC.fstatvfs(_directory.Fd, &stat) != 0)
        {
            return null;
        }

        return ((long)((stat.Blocks - stat.BlocksFree) * stat.FragmentSize), (long)(stat.Files - stat.FilesFree));
    }

    /// <summary>Reads a regular file of at most <paramref name="maxBytes"/> bytes; null when it is missing, not a regular file, or reached through a link.</summary>
    public CollectedFile? Collect(string relativePath, long maxBytes)
    {
        var segments = WorkspacePath.Segments(relativePath);
        var directory = _directory;
        var opened = new List<OwnedFd>();
        try
        {
            foreach (var segment in segments[..^1])
            {
                var next = OwnedFd.OpenAt(directory, segment, LibC.O_RDONLY | LibC.O_DIRECTORY | LibC.O_NOFOLLOW);
                if (next is null)
                {
                    return null;
                }

                opened.Add(next);
                directory = next;
            }

            using var file = OwnedFd.OpenAt(directory, segments[^1], LibC.O_RDONLY | LibC.O_NOFOLLOW | LibC.O_NONBLOCK);
            if (file is null || !IsRegularFile(file))
            {
                return null;
            }

            return Read(relativePath, file, maxBytes);
        }
        finally
        {
            foreach (var fd in opened)
            {
                fd.Dispose();
            }
        }
    }

    private static bool IsRegularFile(OwnedFd file)
    {
        LibC.Statx status;
        return LibC.statx(file.Fd, "", LibC.AT_EMPTY_PATH, LibC.STATX_TYPE, &status) == 0 && (status.Mode & TypeMask) == RegularFile;
    }

    private static CollectedFile Read(string path, OwnedFd file, long maxBytes)
    {
        using var content = new MemoryStream();
        var buffer = new byte[1 << 16];
        var truncated = false;
        while (true)
        {
            var n = file.Read(buffer);
            if (n <= 0)
            {
                break;
            }

            var room = maxBytes - content.Length;
            if (n > room)
            {
                content.Write(buffer, 0, (int)room);
                truncated = true;
                break;
            }

            content.Write(buffer, 0, n);
        }

        return new CollectedFile(path, content.ToArray(), truncated);
    }

    public void Dispose() => _directory.Dispose();
}
