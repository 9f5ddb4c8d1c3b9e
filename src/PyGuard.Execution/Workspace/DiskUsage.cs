namespace PyGuard.Execution.Workspace;

/// <summary>
/// Bytes and entries below a host directory, for the layers whose working directory is on the host's disk
/// (no sized tmpfs of its own). Links are not followed; the walk stops one entry past the limit, so a program
/// that creates millions of empty files cannot make the measurement itself slow.
/// </summary>
internal static class DiskUsage
{
    private static readonly EnumerationOptions Walk = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.ReparsePoint,
        IgnoreInaccessible = true,
    };

    public static (long Bytes, long Entries) Measure(string directory, long maxEntries)
    {
        long bytes = 0, entries = 0;
        try
        {
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", Walk))
            {
                entries++;
                if (entry is FileInfo file)
                {
                    bytes += file.Length;
                }

                if (entries > maxEntries)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Entries vanish while the program runs; what was counted stands.
        }

        return (bytes, entries);
    }
}
