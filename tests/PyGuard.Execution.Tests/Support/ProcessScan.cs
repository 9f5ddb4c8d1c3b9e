namespace PyGuard.Execution.Tests.Support;

/// <summary>Finds live (non-zombie) processes whose command line contains a marker.</summary>
internal static class ProcessScan
{
    public static List<int> Survivors(string marker)
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var cmdline = File.ReadAllText(Path.Combine(directory, "cmdline"));
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var state = stat[(stat.LastIndexOf(')') + 2)..][0];
                if (cmdline.Contains(marker, StringComparison.Ordinal) && state != 'Z' && state != 'X')
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
            {
            }
        }

        return found;
    }

    /// <summary>Survivors after letting the kernel finish tearing a run down (a killed process needs a moment to exit).</summary>
    public static List<int> SurvivorsAfterTeardown(string marker)
    {
        var survivors = Survivors(marker);
        for (var i = 0; i < 40 && survivors.Count > 0; i++)
        {
            Thread.Sleep(50);
            survivors = Survivors(marker);
        }

        return survivors;
    }
}
