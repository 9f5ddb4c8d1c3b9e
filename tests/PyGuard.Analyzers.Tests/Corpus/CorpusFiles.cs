namespace PyGuard.Analyzers.Tests.Corpus;

/// <summary>
/// Finds the labelled corpus (corpus/ at the repository root) from wherever the test assembly runs, and
/// lists its samples as paths relative to it with forward slashes, so that test names read the same on
/// every machine.
/// </summary>
internal static class CorpusFiles
{
    private static readonly Lazy<string> RootDirectory = new(FindRoot);

    /// <summary>The corpus folder.</summary>
    public static string Root => RootDirectory.Value;

    /// <summary>Every <c>*.py</c> below <paramref name="folder"/> (relative to the corpus), sorted.</summary>
    public static IEnumerable<string> Under(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*.py", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static string FullPath(string relativePath) => Path.Combine(Root, relativePath);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PyGuard.sln")))
            {
                return Path.Combine(directory.FullName, "corpus");
            }
        }

        throw new InvalidOperationException($"no folder holding PyGuard.sln above {AppContext.BaseDirectory}");
    }
}
