namespace PyGuard.Reporting.Tests;

/// <summary>External programs some tests need: in CI (CI=true) a missing one fails the test, elsewhere it skips it.</summary>
internal static class RequiredTool
{
    /// <summary>CPython 3.13 from pyenv (as the CI machine has it), else <c>python3</c> on the PATH.</summary>
    public static string Python()
    {
        var versions = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv", "versions");
        var candidates = Directory.Exists(versions)
            ? Directory.EnumerateDirectories(versions, "3.13*").Order(StringComparer.Ordinal).Select(d => Path.Combine(d, "bin", "python3"))
            : [];
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Select(d => Path.Combine(d, "python3"));
        return candidates.Concat(onPath).FirstOrDefault(File.Exists) ?? Missing("python3 (install CPython 3.13 with pyenv)");
    }

    private static string Missing(string what)
    {
        var message = $"{what} is not installed";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return string.Empty;
    }
}
