using System.Diagnostics;

namespace PyGuard.Syntax.Tests.Support;

/// <summary>
/// The pyenv CPython interpreters the differential tests compare with. A missing interpreter skips the
/// test on a developer machine (with the command that installs it) and fails it in CI, where it must exist.
/// </summary>
internal static class CPython
{
    /// <summary>The interpreter of the given version ("3.13"), or null.</summary>
    public static string? Find(string version)
    {
        var home = Environment.GetEnvironmentVariable("HOME") ?? "";
        var versions = Path.Combine(home, ".pyenv", "versions");
        if (!Directory.Exists(versions))
        {
            return null;
        }

        return Directory.GetDirectories(versions, version + ".*")
            .Select(d => Path.Combine(d, "bin", "python3"))
            .Where(File.Exists)
            .OrderByDescending(p => p, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>The interpreter, or skips (outside CI) / fails (in CI) the running test.</summary>
    public static string Require(string version)
    {
        if (Find(version) is { } python)
        {
            return python;
        }

        var message = $"CPython {version} is not installed under ~/.pyenv/versions (install it with `pyenv install {version}`)";
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return "";
    }

    /// <summary>Starts a Python script with redirected standard streams.</summary>
    public static Process Start(string python, string script, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PYTHONIOENCODING"] = "utf-8";
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        return Process.Start(start) ?? throw new InvalidOperationException("cannot start " + python);
    }
}
