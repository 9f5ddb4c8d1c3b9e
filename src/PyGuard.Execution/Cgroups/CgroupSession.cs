using System.Globalization;
using PyGuard.Execution.Native;

namespace PyGuard.Execution.Cgroups;

/// <summary>
/// The cgroups of one run (L4): a pids and a memory limit for all its processes together, and a way to kill
/// all of them, orphans and processes that left the process group included. Processes are moved in while the
/// bootstrap waits for the go-ahead, so nothing the program starts can be created outside.
/// </summary>
internal sealed class CgroupSession : IDisposable
{
    private static int _counter;

    private readonly List<string> _directories = [];
    private readonly string? _pids;
    private readonly string? _memory;
    private readonly string? _kill;
    private readonly bool _memoryIsV2;

    private CgroupSession(CgroupHost host)
    {
        var name = $"pyguard-{Environment.ProcessId}-{Interlocked.Increment(ref _counter)}";
        _memoryIsV2 = host.MemoryIsV2;
        _pids = Create(host.PidsParent, name);
        _memory = Create(host.MemoryParent, name);
        _kill = Create(host.KillParent, name);
    }

    public static CgroupSession Create(CgroupHost host, long memoryBytes)
    {
        var session = new CgroupSession(host);
        try
        {
            session.SetMemoryLimit(memoryBytes);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>A session, or null when the cgroup file system refuses (the run then goes without this layer, and says so).</summary>
    public static CgroupSession? TryCreate(CgroupHost host, long memoryBytes)
    {
        try
        {
            return Create(host, memoryBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Moves the run's first process in right after it is spawned. The kernel's first task migration of a while
    /// waits for an RCU grace period (about 10 ms here); done now, it overlaps the interpreter's start instead of
    /// delaying the program. A fork racing the migration waits for it, so the process's descendants are born
    /// inside. False (and the run is not reported as confined by its cgroup) when the kernel refuses.
    /// </summary>
    public bool TryEnter(int pid)
    {
        try
        {
            Move(pid);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Before the program starts: moves in any process of the tree that was created before <see cref="TryEnter"/>
    /// took effect, then caps the number of tasks at what they are plus <paramref name="additionalTasks"/>.
    /// </summary>
    public bool TryConfine(IReadOnlyCollection<int> tree, int additionalTasks)
    {
        try
        {
            Confine(tree, additionalTasks);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return false;
        }
    }

    public void Confine(IReadOnlyCollection<int> tree, int additionalTasks)
    {
        foreach (var directory in _directories)
        {
            var members = Members(directory).ToHashSet();
            foreach (var pid in tree.Where(p => !members.Contains(p)))
            {
                File.WriteAllText(Path.Combine(directory, "cgroup.procs"), pid.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (_pids is not null)
        {
            var current = long.Parse(File.ReadAllText(Path.Combine(_pids, "pids.current")).Trim(), CultureInfo.InvariantCulture);
            File.WriteAllText(Path.Combine(_pids, "pids.max"), (current + additionalTasks).ToString(CultureInfo.InvariantCulture));
        }
    }

    private void Move(int pid)
    {
        foreach (var directory in _directories)
        {
            File.WriteAllText(Path.Combine(directory, "cgroup.procs"), pid.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The run's cgroup directories, one per hierarchy.</summary>
    public IReadOnlyList<string> Directories => _directories;

    /// <summary>Whether a fork was refused because the pids limit was reached.</summary>
    public bool ProcessLimitReached => _pids is not null && Counter(Path.Combine(_pids, "pids.events"), "max") > 0;

    /// <summary>Whether the kernel's OOM killer killed a process of the run.</summary>
    public bool OutOfMemoryKill => _memory is not null &&
        Counter(Path.Combine(_memory, _memoryIsV2 ? "memory.events" : "memory.oom_control"), "oom_kill") > 0;

    /// <summary>Kills every process in the run's cgroups.</summary>
    public void KillAll()
    {
        if (_kill is not null && File.Exists(Path.Combine(_kill, "cgroup.kill")))
        {
            TryWrite(Path.Combine(_kill, "cgroup.kill"), "1");
        }

        // cgroup v1 has no kill switch: kill what is listed until the list stays empty (the pids limit bounds it).
        foreach (var directory in _directories)
        {
            for (var round = 0; round < 100; round++)
            {
                var pids = Members(directory);
                if (pids.Count == 0)
                {
                    break;
                }

                foreach (var pid in pids)
                {
                    LibC.kill(pid, LibC.SIGKILL);
                }

                Thread.Sleep(1);
            }
        }
    }

    public void Dispose()
    {
        KillAll();
        foreach (var directory in _directories)
        {
            CgroupJanitor.Remove(directory);
        }
    }

    private string? Create(string? parent, string name)
    {
        if (parent is null)
        {
            return null;
        }

        var directory = Path.Combine(parent, name);
        if (_directories.Contains(directory))
        {
            return directory;
        }

        Directory.CreateDirectory(directory);
        _directories.Add(directory);
        return directory;
    }

    private void SetMemoryLimit(long bytes)
    {
        if (_memory is null)
        {
            return;
        }

        var value = bytes.ToString(CultureInfo.InvariantCulture);
        if (_memoryIsV2)
        {
            File.WriteAllText(Path.Combine(_memory, "memory.max"), value);
            TryWrite(Path.Combine(_memory, "memory.swap.max"), "0");
        }
        else
        {
            File.WriteAllText(Path.Combine(_memory, "memory.limit_in_bytes"), value);
            // memsw (memory + swap) must not be below the memory limit, so it is written second.
            TryWrite(Path.Combine(_memory, "memory.memsw.limit_in_bytes"), value);
        }
    }

    private static List<int> Members(string directory)
    {
        try
        {
            return File.ReadAllLines(Path.Combine(directory, "cgroup.procs"))
                .Select(line => int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
                .Where(pid => pid > 0)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static long Counter(string file, string key)
    {
        try
        {
            foreach (var line in File.ReadLines(file))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2 && parts[0] == key && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return 0;
    }

    private static void TryWrite(string file, string value)
    {
        try
        {
            File.WriteAllText(file, value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
