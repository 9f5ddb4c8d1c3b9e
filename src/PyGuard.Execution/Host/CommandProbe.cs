using System.Diagnostics;
using PyGuard.Execution.Native;

namespace PyGuard.Execution.Host;

/// <summary>Runs a short command during detection and reports its exit code and output; never waits past a timeout.</summary>
internal static class CommandProbe
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr)
    {
        public bool Succeeded => ExitCode == 0;
    }

    public static Outcome Run(string executable, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        try
        {
            using var process = Start(executable, arguments);
            process.StandardInput.Close();

            // Each pipe is drained on a thread of its own. Asynchronous reads complete on the thread pool,
            // and when parallel runs have every pool thread blocked in a wait (as the test suite's parallel
            // sandboxes do) they can miss the grace period below; the probe's output was then taken for
            // missing, and a working interpreter was reported as "no output".
            var stdout = ReadOnOwnThread(process.StandardOutput);
            var stderr = ReadOnOwnThread(process.StandardError);
            if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return new Outcome(-1, "", $"{executable} did not finish in time");
            }

            // Output of a finished probe is complete unless it left a child holding the pipe; do not wait for that.
            var finished = Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(10));
            return new Outcome(process.ExitCode, finished ? stdout.Result : "", finished ? stderr.Result : "");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return new Outcome(-1, "", e.Message);
        }
    }

    private static Task<string> ReadOnOwnThread(StreamReader reader) =>
        Task.Factory.StartNew(reader.ReadToEnd, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public sealed record BinaryOutcome(int ExitCode, byte[] Stdout, string Stderr);

    /// <summary>Runs a command with <paramref name="input"/> on standard input and returns its output as bytes.</summary>
    public static BinaryOutcome RunBinary(string executable, IEnumerable<string> arguments, string input)
    {
        try
        {
            using var process = Start(executable, arguments);
            var stdout = new MemoryStream();
            // On threads of their own, as in Run: pool-completed reads can starve behind blocked pool threads.
            var copy = Task.Factory.StartNew(() => process.StandardOutput.BaseStream.CopyTo(stdout), CancellationToken.None,
                TaskCreationOptions.LongRunning, TaskScheduler.Default);
            var stderr = ReadOnOwnThread(process.StandardError);
            process.StandardInput.Write(input);
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)) || !Task.WaitAll([copy, stderr], TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
                return new BinaryOutcome(-1, [], $"{executable} did not finish in time");
            }

            return new BinaryOutcome(process.ExitCode, stdout.ToArray(), stderr.Result);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return new BinaryOutcome(-1, [], e.Message);
        }
    }

    private static Process Start(string executable, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    /// <summary>The first executable named <paramref name="name"/> on PATH or in the system directories.</summary>
    public static string? FindExecutable(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var directories = path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/local/bin", "/usr/bin", "/bin", "/usr/local/sbin", "/usr/sbin", "/sbin"]);
        foreach (var directory in directories)
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate) && LibC.access(candidate, LibC.X_OK) == 0)
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }
}
