using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

using PyGuard.Engine.Policies;

namespace PyGuard.Benchmarks;

/// <summary>
/// Whole-scan throughput (parse, semantic model with taint tracking, every rule, suppressions, scoring)
/// over CPython 3.13's standard library, the files read into memory first: on one thread, and spread
/// over every core the way <see cref="PythonScanner.ScanPaths"/> spreads files. docs/benchmarks.md
/// records the figures. The ReDoS rule caches its verdict per pattern for the life of the process, so
/// after the first pass patterns seen before cost a look-up: these are warm figures.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
[GcConcurrent(false)] // the collector the pyguard command runs with (src/PyGuard.Cli/PyGuard.Cli.csproj)
public class ScannerBenchmarks
{
    private byte[][] _sources = [];
    private PythonScanner _scanner = null!;

    [GlobalSetup]
    public void LoadStandardLibrary()
    {
        _sources = StandardLibraryCorpus.Sources;
        _scanner = new PythonScanner(Policy.Audit);
    }

    /// <summary>Scans every file on the calling thread; returns how many findings were reported.</summary>
    [Benchmark(Baseline = true)]
    public int ScanStandardLibraryOneThread()
    {
        var findings = 0;
        foreach (var source in _sources)
        {
            findings += _scanner.Scan(source, "stdlib.py").Findings.Length;
        }

        return findings;
    }

    /// <summary>Scans every file with one worker per core.</summary>
    [Benchmark]
    public int ScanStandardLibraryAllCores()
    {
        var findings = 0;
        Parallel.For(0, _sources.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            Interlocked.Add(ref findings, _scanner.Scan(_sources[i], "stdlib.py").Findings.Length));
        return findings;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new LinesPerSecondColumn());

            // The large-object threshold the pyguard command sets in its runtimeconfig.json
            // (src/PyGuard.Cli/PyGuard.Cli.csproj); the generated benchmark project does not inherit it.
            AddJob(new Job().WithEnvironmentVariables(new EnvironmentVariable("DOTNET_GCLOHThreshold", "0x200000")).AsMutator());
            WithBuildTimeout(TimeSpan.FromMinutes(15));
        }
    }
}
