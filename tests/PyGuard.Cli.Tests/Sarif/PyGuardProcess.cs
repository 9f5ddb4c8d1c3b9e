using System.Diagnostics;
using System.Text;

namespace PyGuard.Cli.Tests.Sarif;

/// <summary>Runs <c>pyguard</c> in process (fast) or as a real process in a chosen working directory.</summary>
internal static class PyGuardProcess
{
    public static (int Exit, string Stdout, string Stderr) InProcess(string[] args, string stdin = "")
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = CliApplication.Run(args, new MemoryStream(Encoding.UTF8.GetBytes(stdin)), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static (int Exit, string Stdout, string Stderr) Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pyguard.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }

    /// <summary>The folder holding PyGuard.sln, found from wherever the tests run.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PyGuard.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no folder holding PyGuard.sln above {AppContext.BaseDirectory}");
    }
}
