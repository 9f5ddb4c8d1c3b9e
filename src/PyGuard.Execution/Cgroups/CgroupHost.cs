namespace PyGuard.Execution.Cgroups;

/// <summary>
/// Where per-run cgroups can be created: a child of this process's own cgroup in each hierarchy that offers
/// the pids and memory controllers (cgroup v2, or v1 hierarchies on hybrid machines), and a v2 cgroup for
/// <c>cgroup.kill</c> (Linux 5.14), which kills every process of a run at once, orphans included. Runs are
/// nested under PyGuard's own cgroup so that they stay inside whatever limits PyGuard itself was given.
/// </summary>
internal sealed record CgroupHost(string? PidsParent, string? MemoryParent, string? KillParent, bool MemoryIsV2)
{
    public static CgroupHost? Detect(List<string> problems)
    {
        try
        {
            var membership = ParseMembership(File.ReadAllLines("/proc/self/cgroup"));
            var mounts = ParseMounts(File.ReadAllLines("/proc/self/mountinfo"));
            var v2 = mounts.FirstOrDefault(m => m.IsV2) is { } v2Mount && membership.TryGetValue("", out var v2Path)
                ? v2Mount.Directory(v2Path)
                : null;
            var v2Controllers = v2 is null ? [] : EnabledControllers(v2);

            string? V1(string controller) =>
                mounts.FirstOrDefault(m => m.Controllers.Contains(controller)) is { } mount && membership.TryGetValue(controller, out var path)
                    ? mount.Directory(path)
                    : null;

            var pids = v2Controllers.Contains("pids") ? v2 : V1("pids");
            var memory = v2Controllers.Contains("memory") ? v2 : V1("memory");
            var kill = v2 is not null && File.Exists(Path.Combine(v2, "cgroup.procs")) ? v2 : null;
            pids = Writable(pids) ? pids : null;
            memory = Writable(memory) ? memory : null;
            kill = Writable(kill) ? kill : null;
            if (pids is null || memory is null)
            {
                problems.Add("no writable cgroup with the pids and memory controllers");
                return null;
            }

            foreach (var parent in new[] { pids, memory, kill }.OfType<string>().Distinct())
            {
                RemoveLeftovers(parent);
            }

            return new CgroupHost(pids, memory, kill, memory == v2);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"cgroups cannot be read: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// Controllers the own v2 cgroup already hands to its children. PyGuard never enables controllers itself:
    /// that would change a cgroup it does not own (and a non-root cgroup holding processes cannot anyway).
    /// </summary>
    private static HashSet<string> EnabledControllers(string directory) =>
        ReadWords(Path.Combine(directory, "cgroup.subtree_control"));

    private static HashSet<string> ReadWords(string path) =>
        File.Exists(path) ? [.. File.ReadAllText(path).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)] : [];

    private static bool Writable(string? directory)
    {
        if (directory is null || !Directory.Exists(directory))
        {
            return false;
        }

        var probe = Path.Combine(directory, $"pyguard-probe-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(probe);
            Directory.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Removes run cgroups left by PyGuard processes that ended before their janitor could (named pyguard-PID-N).</summary>
    private static void RemoveLeftovers(string parent)
    {
        foreach (var directory in Directory.EnumerateDirectories(parent, "pyguard-*-*"))
        {
            var parts = Path.GetFileName(directory).Split('-');
            if (parts.Length == 3 && int.TryParse(parts[1], out var pid) && pid != Environment.ProcessId && !Directory.Exists($"/proc/{pid}"))
            {
                CgroupJanitor.Remove(directory);
            }
        }
    }

    /// <summary>/proc/self/cgroup: "0::/path" for v2 (key ""), "4:memory:/path" for v1 (a key per controller).</summary>
    private static Dictionary<string, string> ParseMembership(string[] lines)
    {
        var membership = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var parts = line.Split(':', 3);
            if (parts.Length != 3)
            {
                continue;
            }

            if (parts[1].Length == 0)
            {
                membership[""] = parts[2];
                continue;
            }

            foreach (var controller in parts[1].Split(','))
            {
                membership[controller] = parts[2];
            }
        }

        return membership;
    }

    private sealed record CgroupMount(string Root, string MountPoint, bool IsV2, HashSet<string> Controllers)
    {
        /// <summary>The directory of a cgroup path as seen through this mount (whose root may itself be a sub-cgroup).</summary>
        public string Directory(string cgroupPath)
        {
            var relative = Root == "/" ? cgroupPath : cgroupPath.StartsWith(Root, StringComparison.Ordinal) ? cgroupPath[Root.Length..] : cgroupPath;
            return Path.Combine(MountPoint, relative.TrimStart('/'));
        }
    }

    /// <summary>/proc/self/mountinfo: "id parent dev root mountpoint options ... - fstype source superoptions".</summary>
    private static List<CgroupMount> ParseMounts(string[] lines)
    {
        var mounts = new List<CgroupMount>();
        foreach (var line in lines)
        {
            var dash = line.IndexOf(" - ", StringComparison.Ordinal);
            if (dash < 0)
            {
                continue;
            }

            var before = line[..dash].Split(' ');
            var after = line[(dash + 3)..].Split(' ');
            if (before.Length < 5 || after.Length < 3)
            {
                continue;
            }

            var mountPoint = before[4].Replace("\\040", " ");
            switch (after[0])
            {
                case "cgroup2":
                    mounts.Add(new CgroupMount(before[3], mountPoint, true, []));
                    break;
                case "cgroup":
                    mounts.Add(new CgroupMount(before[3], mountPoint, false, [.. after[2].Split(',')]));
                    break;
            }
        }

        return mounts;
    }
}
