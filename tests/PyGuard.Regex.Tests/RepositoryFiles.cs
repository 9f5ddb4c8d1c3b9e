namespace PyGuard.Regex.Tests;

/// <summary>Files of the repository the tests read (the labelled corpus), found from PYGUARD_REPO_ROOT or upwards.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("PYGUARD_REPO_ROOT") is { Length: > 0 } root)
        {
            return root;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PyGuard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (PyGuard.sln)");
    }
}
