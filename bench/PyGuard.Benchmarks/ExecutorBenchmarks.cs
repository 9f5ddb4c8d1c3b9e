using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PyGuard.Execution;
using PyGuard.Execution.Interpreters;

namespace PyGuard.Benchmarks;

/// <summary>
/// The executor's overhead: one run of <c>print(1)</c> in each isolation mode against the same interpreter
/// started bare (<c>python -I -c 'print(1)'</c>, same scrubbed environment) in the same session, and 100 runs
/// in a row. A run costs tens of milliseconds, so every iteration is a single timed operation (Monitoring), and
/// the benchmarks run in-process: what is measured is child processes, not code BenchmarkDotNet must isolate.
/// docs/benchmarks.md, section Executor, gives the command and the figures.
/// </summary>
[Config(typeof(ExecutorRunConfig))]
public class ExecutorBenchmarks
{
    private static readonly ExecutionRequest PrintOne = ExecutionRequest.FromText("print(1)\n");
    private SandboxExecutor _executor = null!;
    private ExecutionOptions _options = null!;
    private string _python = null!;

    [Params(IsolationMode.Bubblewrap, IsolationMode.Unshare, IsolationMode.Bootstrap, IsolationMode.None)]
    public IsolationMode Mode { get; set; }

    [Params(true, false)]
    public bool Cgroup { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var interpreter = Environment.GetEnvironmentVariable("PYGUARD_PYTHON");
        _python = PythonInterpreter.Resolve(interpreter).Executable;
        _executor = new SandboxExecutor();
        _options = new ExecutionOptions { Interpreter = interpreter, Isolation = Mode, UseCgroup = Cgroup };
        Sandboxed(); // detection, interpreter probe and bootstrap compilation happen once per process, not per run
    }

    [Benchmark(Baseline = true, Description = "bare python -I -c print(1)")]
    public string Bare()
    {
        var start = new ProcessStartInfo(_python, ["-I", "-c", "print(1)"]) { RedirectStandardOutput = true, UseShellExecute = false };
        start.Environment.Clear();
        start.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        start.Environment["LANG"] = "C.UTF-8";
        start.Environment["HOME"] = Path.GetTempPath();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }

    [Benchmark(Description = "sandboxed print(1)")]
    public string Sandboxed()
    {
        var result = _executor.Run(PrintOne, _options);
        return result.Stdout == "1\n" ? result.Stdout : throw new InvalidOperationException($"unexpected run: {result.Stdout}{result.Stderr}");
    }
}

/// <summary>100 sandboxed runs of print(1) in a row, one after the other (bubblewrap, the default).</summary>
[Config(typeof(ExecutorSeriesConfig))]
public class ExecutorSeriesBenchmarks
{
    private readonly SandboxExecutor _executor = new();
    private readonly ExecutionOptions _options = new() { Interpreter = Environment.GetEnvironmentVariable("PYGUARD_PYTHON") };

    [Benchmark(OperationsPerInvoke = 100, Description = "100 runs in a row (time per run)")]
    public int HundredRuns()
    {
        var ok = 0;
        for (var i = 0; i < 100; i++)
        {
            ok += _executor.Run(ExecutionRequest.FromText("print(1)\n"), _options).ExitCode == 0 ? 1 : 0;
        }

        return ok == 100 ? ok : throw new InvalidOperationException($"{100 - ok} runs failed");
    }
}

/// <summary>
/// In-process jobs of single timed operations. Median and minimum are shown beside the mean: on a machine
/// shared with other work, the minimum is the closest to the cost on an idle one.
/// </summary>
internal abstract class ExecutorJobConfig : ManualConfig
{
    protected ExecutorJobConfig(int warmups, int iterations)
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(warmups).WithIterationCount(iterations)
            .WithToolchain(InProcessEmitToolchain.Instance));
        AddColumn(StatisticColumn.Median, StatisticColumn.Min);
    }
}

/// <summary>40 single runs after 3 warm-ups.</summary>
internal sealed class ExecutorRunConfig() : ExecutorJobConfig(warmups: 3, iterations: 40);

/// <summary>Five series of 100 runs after one warm-up series.</summary>
internal sealed class ExecutorSeriesConfig() : ExecutorJobConfig(warmups: 1, iterations: 5);
