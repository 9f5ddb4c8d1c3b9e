using System.Diagnostics;

namespace PyGuard.Regex.Tests;

/// <summary>
/// The CPython 3.13 interpreter for tests that check PyGuard against the real `re`. When it is missing the
/// test fails under CI (CI=true) and is skipped elsewhere, saying how to install it.
/// </summary>
internal static class CPython
{
    private static readonly Lazy<string?> Interpreter = new(Find);

    public static string Require()
    {
        if (Interpreter.Value is { } path)
        {
            return path;
        }

        const string message = "CPython 3.13 not found: install it with `pyenv install 3.13` (looked in ~/.pyenv/versions/3.13.*)";
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            throw new InvalidOperationException(message);
        }

        Assert.Skip(message);
        return "";
    }

    /// <summary>Runs a script with arguments; returns its standard output, or null when it had to be killed.</summary>
    public static (string Output, bool Killed) Run(string script, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Require()) { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (output.Result, true);
        }

        return (output.Result, false);
    }

    private static string? Find()
    {
        var home = Environment.GetEnvironmentVariable("HOME") ?? "/root";
        var versions = Path.Combine(home, ".pyenv", "versions");
        if (!Directory.Exists(versions))
        {
            return null;
        }

        return Directory.GetDirectories(versions, "3.13*")
            .Select(d => Path.Combine(d, "bin", "python3"))
            .FirstOrDefault(File.Exists);
    }
}
