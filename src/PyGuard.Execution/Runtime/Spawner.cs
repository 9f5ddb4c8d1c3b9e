using System.Runtime.InteropServices;
using System.Text;
using PyGuard.Execution.Native;

namespace PyGuard.Execution.Runtime;

/// <summary>What to start: the program, its arguments and environment, and where its descriptors come from.</summary>
internal sealed record SpawnRequest(string Executable, IReadOnlyList<string> Arguments, IReadOnlyList<string> Environment)
{
    /// <summary>Descriptors placed at fixed numbers (3, 4, ...) in the child, in this order.</summary>
    public IReadOnlyList<OwnedFd> ExtraDescriptors { get; init; } = [];

    public string? WorkingDirectory { get; init; }
}

/// <summary>
/// Starts a process with posix_spawn instead of <see cref="System.Diagnostics.Process"/>: the child gets a new
/// session (so its whole process group can be killed), standard input from /dev/null, the given pipes as
/// standard output and error, extra descriptors at known numbers (a seccomp program for bubblewrap, the
/// bootstrap's status socket), default signal dispositions (.NET ignores SIGPIPE, and ignored signals would
/// otherwise be inherited) and nothing else open.
/// </summary>
internal static unsafe class Spawner
{
    /// <summary>Descriptors handed to the child are first moved at or above this number, so that no source can be a target.</summary>
    private const int HighDescriptor = 64;

    public static ChildProcess Start(SpawnRequest request, OwnedFd stdoutWrite, OwnedFd stderrWrite)
    {
        var sources = new List<OwnedFd>();
        try
        {
            var stdout = Lift(stdoutWrite, sources);
            var stderr = Lift(stderrWrite, sources);
            var extras = request.ExtraDescriptors.Select(fd => Lift(fd, sources)).ToArray();
            var pid = Spawn(request, stdout, stderr, extras);
            return new ChildProcess(pid);
        }
        finally
        {
            foreach (var fd in sources)
            {
                fd.Dispose();
            }
        }
    }

    private static int Lift(OwnedFd fd, List<OwnedFd> sources)
    {
        var lifted = LibC.fcntl(fd.Fd, LibC.F_DUPFD_CLOEXEC, HighDescriptor);
        if (lifted < 0)
        {
            throw new IOException($"fcntl(F_DUPFD_CLOEXEC) failed (errno {LibC.LastError})");
        }

        sources.Add(new OwnedFd(lifted));
        return lifted;
    }

    private static int Spawn(SpawnRequest request, int stdout, int stderr, int[] extras)
    {
        var actions = NativeMemory.AllocZeroed(LibC.SpawnStructBytes);
        var attributes = NativeMemory.AllocZeroed(LibC.SpawnStructBytes);
        var emptySet = NativeMemory.AllocZeroed(128);
        var defaultSet = NativeMemory.AllocZeroed(128);
        var argv = NullTerminatedStrings(request.Arguments);
        var envp = NullTerminatedStrings(request.Environment);
        try
        {
            Check(LibC.posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
            Check(LibC.posix_spawnattr_init(attributes), "posix_spawnattr_init");
            Check(LibC.posix_spawn_file_actions_addopen(actions, 0, "/dev/null", LibC.O_RDONLY, 0), "addopen");
            Check(LibC.posix_spawn_file_actions_adddup2(actions, stdout, 1), "adddup2");
            Check(LibC.posix_spawn_file_actions_adddup2(actions, stderr, 2), "adddup2");
            for (var i = 0; i < extras.Length; i++)
            {
                Check(LibC.posix_spawn_file_actions_adddup2(actions, extras[i], 3 + i), "adddup2");
            }

            TryCloseFrom(actions, 3 + extras.Length);
            if (request.WorkingDirectory is { } directory)
            {
                Check(LibC.posix_spawn_file_actions_addchdir_np(actions, directory), "addchdir_np");
            }

            FillCatchableSignals((byte*)defaultSet);
            Check(LibC.posix_spawnattr_setsigmask(attributes, emptySet), "setsigmask");
            Check(LibC.posix_spawnattr_setsigdefault(attributes, defaultSet), "setsigdefault");
            Check(LibC.posix_spawnattr_setflags(
                attributes, (short)(LibC.POSIX_SPAWN_SETSID | LibC.POSIX_SPAWN_SETSIGMASK | LibC.POSIX_SPAWN_SETSIGDEF)), "setflags");

            int pid;
            var error = LibC.posix_spawn(&pid, request.Executable, actions, attributes, argv, envp);
            if (error != 0)
            {
                throw new ExecutionSetupException($"cannot start {request.Executable}: {new System.ComponentModel.Win32Exception(error).Message}");
            }

            return pid;
        }
        finally
        {
            LibC.posix_spawn_file_actions_destroy(actions);
            LibC.posix_spawnattr_destroy(attributes);
            NativeMemory.Free(actions);
            NativeMemory.Free(attributes);
            NativeMemory.Free(emptySet);
            NativeMemory.Free(defaultSet);
            FreeStrings(argv);
            FreeStrings(envp);
        }
    }

    /// <summary>glibc 2.34 and later can close every other descriptor in the child; older ones rely on close-on-exec alone.</summary>
    private static void TryCloseFrom(void* actions, int lowFd)
    {
        try
        {
            LibC.posix_spawn_file_actions_addclosefrom_np(actions, lowFd);
        }
        catch (EntryPointNotFoundException)
        {
        }
    }

    /// <summary>Signals 1-31 except SIGKILL and SIGSTOP, in a sigset_t (bit n-1 for signal n).</summary>
    private static void FillCatchableSignals(byte* set)
    {
        for (var signal = 1; signal <= 31; signal++)
        {
            if (signal is 9 or 19)
            {
                continue;
            }

            set[(signal - 1) / 8] |= (byte)(1 << ((signal - 1) % 8));
        }
    }

    private static void Check(int error, string what)
    {
        if (error != 0)
        {
            throw new IOException($"{what} failed (error {error})");
        }
    }

    private static byte** NullTerminatedStrings(IReadOnlyList<string> strings)
    {
        var array = (byte**)NativeMemory.AllocZeroed((nuint)(strings.Count + 1), (nuint)sizeof(byte*));
        for (var i = 0; i < strings.Count; i++)
        {
            if (strings[i].Contains('\0'))
            {
                throw new ExecutionSetupException("an argument or environment value contains a NUL character");
            }

            var bytes = Encoding.UTF8.GetBytes(strings[i]);
            var copy = (byte*)NativeMemory.Alloc((nuint)bytes.Length + 1);
            bytes.CopyTo(new Span<byte>(copy, bytes.Length));
            copy[bytes.Length] = 0;
            array[i] = copy;
        }

        return array;
    }

    private static void FreeStrings(byte** array)
    {
        for (var p = array; *p != null; p++)
        {
            NativeMemory.Free(*p);
        }

        NativeMemory.Free(array);
    }
}
