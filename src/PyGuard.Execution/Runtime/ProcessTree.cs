using System.Globalization;

namespace PyGuard.Execution.Runtime;

/// <summary>
/// The processes below a child, read from /proc/PID/task/TID/children, and the number of tasks (threads
/// included, as RLIMIT_NPROC and the pids controller count them). Processes exit while this runs, so any
/// entry that vanishes is skipped; the answer is a snapshot, used for the process watch and the cgroup move.
/// </summary>
internal static class ProcessTree
{
    /// <summary>The root and its descendants, breadth first (so the deepest process comes last).</summary>
    public static List<int> Collect(int root, int limit = 4096)
    {
        var found = new List<int> { root };
        for (var i = 0; i < found.Count && found.Count < limit; i++)
        {
            found.AddRange(Children(found[i]));
        }

        return found;
    }

    public static int CountTasks(IEnumerable<int> pids)
    {
        var tasks = 0;
        foreach (var pid in pids)
        {
            try
            {
                tasks += Directory.GetDirectories($"/proc/{pid}/task").Length;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        return tasks;
    }

    /// <summary>Clock ticks per second in /proc/PID/stat (USER_HZ, 100 on every Linux architecture in use).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>
    /// CPU time of the processes and of the children they reaped: utime, stime, cutime and cstime of
    /// /proc/PID/stat. A reaper inside a PID namespace does not always pass its children's time up to the
    /// process PyGuard waits for, so the supervisor samples this while the run lives.
    /// </summary>
    public static TimeSpan CpuTime(IEnumerable<int> pids)
    {
        long ticks = 0;
        foreach (var pid in pids)
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                for (var i = 11; i <= 14 && i < fields.Length; i++)
                {
                    ticks += long.TryParse(fields[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var t) ? Math.Max(t, 0) : 0;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
            {
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static IEnumerable<int> Children(int pid)
    {
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        var children = new List<int>();
        foreach (var task in tasks)
        {
            try
            {
                foreach (var word in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var child))
                    {
                        children.Add(child);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }

        return children;
    }
}
