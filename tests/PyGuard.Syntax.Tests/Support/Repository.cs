namespace PyGuard.Syntax.Tests.Support;

/// <summary>Paths inside the repository, found from the test assembly's location (or PYGUARD_REPO_ROOT).</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Script(string relativePath) => Path.Combine(Root, "scripts", relativePath);

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("PYGUARD_REPO_ROOT") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PyGuard.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (PyGuard.sln) above " + AppContext.BaseDirectory);
    }
}
