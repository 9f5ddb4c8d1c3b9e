namespace PyGuard.Execution.Cgroups;

/// <summary>
/// Removes run cgroups that could not be removed at once. Bubblewrap's monitor exits without reaping the
/// PID namespace's first process; that zombie is reaped by the machine's init, and until then it keeps its
/// cgroup busy. Waiting for it would add tens of milliseconds to every run (more where init reaps lazily),
/// so the empty directories are retried in the background instead.
/// </summary>
internal static class CgroupJanitor
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);
    private static readonly Lock Gate = new();
    private static readonly List<(string Directory, DateTime Since)> Pending = [];
    private static Timer? _timer;

    /// <summary>Removes the directory now if it is empty, else later.</summary>
    public static void Remove(string directory)
    {
        if (TryRemove(directory))
        {
            return;
        }

        lock (Gate)
        {
            Pending.Add((directory, DateTime.UtcNow));
            _timer ??= new Timer(_ => Sweep(), null, RetryInterval, RetryInterval);
        }
    }

    private static void Sweep()
    {
        lock (Gate)
        {
            Pending.RemoveAll(p => TryRemove(p.Directory) || DateTime.UtcNow - p.Since > GiveUpAfter);
            if (Pending.Count == 0)
            {
                _timer?.Dispose();
                _timer = null;
            }
        }
    }

    private static bool TryRemove(string directory)
    {
        try
        {
            Directory.Delete(directory);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
