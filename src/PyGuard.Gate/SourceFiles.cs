namespace PyGuard;

/// <summary>Finds the Python files under the paths given to a scan, and reads them.</summary>
public static class SourceFiles
{
    /// <summary>Directories never descended into: tool caches and version control.</summary>
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal)
    {
        ".git", ".hg", ".svn", "__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", "node_modules", ".tox", ".nox",
    };

    /// <summary>
    /// The files to scan, in a stable order: each file path as given, and every <c>*.py</c> below each
    /// folder (sorted). Virtual environments (folders holding <c>pyvenv.cfg</c>) and <c>site-packages</c>
    /// are skipped unless <paramref name="includeVirtualEnvironments"/>. Throws
    /// <see cref="ScanInputException"/> for a path that does not exist.
    /// </summary>
    public static List<string> Find(IEnumerable<string> paths, bool includeVirtualEnvironments)
    {
        var result = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                result.Add(path);
            }
            else if (Directory.Exists(path))
            {
                Walk(path, includeVirtualEnvironments, result);
            }
            else
            {
                throw new ScanInputException($"no such file or directory: '{path}'");
            }
        }

        return result;
    }

    private static void Walk(string directory, bool includeVirtualEnvironments, List<string> result)
    {
        IEnumerable<string> files, directories;
        try
        {
            files = Directory.EnumerateFiles(directory, "*.py").Order(StringComparer.Ordinal).ToList();
            directories = Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScanInputException($"cannot read directory '{directory}': {e.Message}");
        }

        result.AddRange(files);
        foreach (var child in directories)
        {
            var name = Path.GetFileName(child);
            if (SkippedDirectories.Contains(name))
            {
                continue;
            }

            if (!includeVirtualEnvironments && (name == "site-packages" || File.Exists(Path.Combine(child, "pyvenv.cfg"))))
            {
                continue;
            }

            if (new FileInfo(child).LinkTarget is not null)
            {
                // Symbolic links to directories can form cycles; the files they point at are scanned where they live.
                continue;
            }

            Walk(child, includeVirtualEnvironments, result);
        }
    }

    /// <summary>Reads a file's bytes; decoding is the parser's job (PEP 263).</summary>
    public static byte[] Read(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ScanInputException($"no such file: '{path}'");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScanInputException($"cannot read '{path}': {e.Message}");
        }
    }

    /// <summary>The path as reports show it: as given, with forward slashes.</summary>
    public static string DisplayPath(string path) => path.Replace('\\', '/');
}
