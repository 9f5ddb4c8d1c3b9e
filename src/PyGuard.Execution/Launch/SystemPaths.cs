namespace PyGuard.Execution.Launch;

/// <summary>
/// The host paths a CPython process needs besides its own prefix: the shared libraries its extension modules
/// link against, the dynamic loader's cache, and time-zone data. Nothing else of the host is shown: no /etc
/// (no passwd, shadow or ssh keys), no home directories, no /usr/bin (no shell to run even if a process
/// could be created).
/// </summary>
internal static class SystemPaths
{
    private static readonly string[] LibraryDirectories = ["/usr/lib", "/usr/lib64", "/usr/lib32", "/usr/libx32"];
    private static readonly string[] TopLevelLibraryDirectories = ["/lib", "/lib64", "/lib32", "/libx32"];
    private static readonly string[] DataPaths = ["/usr/share/zoneinfo", "/etc/ld.so.cache"];

    /// <summary>A directory or file to show read-only at the same path, or a symbolic link to recreate.</summary>
    public sealed record Entry(string Path, string? SymlinkTarget)
    {
        public bool IsSymlink => SymlinkTarget is not null;
    }

    public static IReadOnlyList<Entry> Entries()
    {
        var entries = new List<Entry>();
        foreach (var path in LibraryDirectories.Concat(TopLevelLibraryDirectories).Concat(DataPaths))
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is { } target)
            {
                entries.Add(new Entry(path, target));
            }
            else if (Directory.Exists(path) || File.Exists(path))
            {
                entries.Add(new Entry(path, null));
            }
        }

        // /etc/localtime is usually a link into zoneinfo; its content is shown at its own path.
        if (File.Exists("/etc/localtime"))
        {
            entries.Add(new Entry("/etc/localtime", null));
        }

        return entries;
    }

    /// <summary>Real paths to allow reading under Landlock (links resolved, since Landlock rules name inodes).</summary>
    public static IEnumerable<string> ReadableRealPaths() =>
        Entries().Select(e => e.IsSymlink ? ResolveLink(e.Path) : RealPath(e.Path)).Distinct(StringComparer.Ordinal);

    /// <summary>Device files a program may read (random numbers) or write (the bit bucket).</summary>
    public static readonly string[] ReadableDevices = ["/dev/urandom", "/dev/random", "/dev/zero"];

    public static readonly string[] WritableDevices = ["/dev/null"];

    private static string ResolveLink(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    private static string RealPath(string path) =>
        File.Exists(path) && new FileInfo(path).LinkTarget is not null ? ResolveLink(path) : path;
}
