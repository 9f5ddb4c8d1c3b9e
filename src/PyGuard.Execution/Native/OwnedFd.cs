namespace PyGuard.Execution.Native;

/// <summary>
/// A file descriptor this process owns and closes exactly once. Every descriptor is created close-on-exec,
/// so a child only ever receives the ones a spawn explicitly places at a chosen number.
/// </summary>
internal sealed unsafe class OwnedFd : IDisposable
{
    private int _fd;

    public OwnedFd(int fd) => _fd = fd;

    public int Fd => _fd >= 0 ? _fd : throw new ObjectDisposedException(nameof(OwnedFd));

    public bool IsOpen => _fd >= 0;

    public static (OwnedFd Read, OwnedFd Write) Pipe()
    {
        var fds = stackalloc int[2];
        if (LibC.pipe2(fds, LibC.O_CLOEXEC) != 0)
        {
            throw new IOException($"pipe2 failed (errno {LibC.LastError})");
        }

        return (new OwnedFd(fds[0]), new OwnedFd(fds[1]));
    }

    public static (OwnedFd Parent, OwnedFd Child) SocketPair()
    {
        var fds = stackalloc int[2];
        if (LibC.socketpair(LibC.AF_UNIX, LibC.SOCK_STREAM | LibC.SOCK_CLOEXEC, 0, fds) != 0)
        {
            throw new IOException($"socketpair failed (errno {LibC.LastError})");
        }

        return (new OwnedFd(fds[0]), new OwnedFd(fds[1]));
    }

    /// <summary>Opens a path relative to <paramref name="directory"/> (or the current directory); null when the open fails.</summary>
    public static OwnedFd? OpenAt(OwnedFd? directory, string path, int flags)
    {
        var fd = LibC.openat(directory?.Fd ?? LibC.AT_FDCWD, path, flags | LibC.O_CLOEXEC, 0);
        return fd >= 0 ? new OwnedFd(fd) : null;
    }

    /// <summary>Reads what is available: the byte count, 0 at end of stream, -1 when the read would block.</summary>
    public int Read(Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            while (true)
            {
                var n = LibC.read(Fd, p, buffer.Length);
                if (n >= 0)
                {
                    return (int)n;
                }

                var errno = LibC.LastError;
                if (errno == LibC.EINTR)
                {
                    continue;
                }

                if (errno == LibC.EAGAIN)
                {
                    return -1;
                }

                // A reset socket or a broken descriptor ends the stream like end of file does.
                return 0;
            }
        }
    }

    /// <summary>Writes all of <paramref name="data"/>; false when the other end is gone.</summary>
    public bool WriteAll(ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            var done = 0;
            while (done < data.Length)
            {
                var n = LibC.write(Fd, p + done, data.Length - done);
                if (n < 0)
                {
                    if (LibC.LastError == LibC.EINTR)
                    {
                        continue;
                    }

                    return false;
                }

                done += (int)n;
            }

            return true;
        }
    }

    public void Dispose()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            LibC.close(fd);
        }
    }
}
