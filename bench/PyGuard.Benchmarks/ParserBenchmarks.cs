using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

using PyGuard.Syntax;

namespace PyGuard.Benchmarks;

/// <summary>
/// Parse throughput over CPython 3.13's standard library (every .py file outside site-packages, read into
/// memory first), one thread, warm. docs/benchmarks.md records the figures and the CPython comparison
/// (scripts/benchmarks/cpython_parse_throughput.py on the same files).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class ParserBenchmarks
{
    private byte[][] _sources = [];

    [GlobalSetup]
    public void LoadStandardLibrary() => _sources = StandardLibraryCorpus.Sources;

    /// <summary>Parses every file; returns how many parsed (CPython rejects 4 of them on purpose).</summary>
    [Benchmark]
    public int ParseStandardLibrary()
    {
        var parsed = 0;
        foreach (var source in _sources)
        {
            if (PythonParser.Parse(source).Success)
            {
                parsed++;
            }
        }

        return parsed;
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new LinesPerSecondColumn());
            // The generated benchmark project rebuilds the whole dependency chain; on a busy two-core
            // machine that takes longer than BenchmarkDotNet's default two minutes.
            WithBuildTimeout(TimeSpan.FromMinutes(15));
        }
    }
}

/// <summary>The benchmark corpus: the .py files of the pyenv CPython 3.13 standard library (or PYGUARD_BENCH_STDLIB).</summary>
public static class StandardLibraryCorpus
{
    private static readonly Lazy<byte[][]> Files = new(Load);

    public static byte[][] Sources => Files.Value;

    public static long LineCount => Sources.Sum(source => (long)source.AsSpan().Count((byte)'\n'));

    public static string Directory =>
        Environment.GetEnvironmentVariable("PYGUARD_BENCH_STDLIB") is { Length: > 0 } configured
            ? configured
            : System.IO.Directory.GetDirectories(Path.Combine(Environment.GetEnvironmentVariable("HOME") ?? "", ".pyenv", "versions"), "3.13.*")
                .OrderByDescending(d => d, StringComparer.Ordinal)
                .Select(d => Path.Combine(d, "lib", "python3.13"))
                .First(System.IO.Directory.Exists);

    private static byte[][] Load() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.py", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}site-packages{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .ToArray();
}

/// <summary>Lines of the corpus parsed per second, from the mean and the median time of one pass.</summary>
public sealed class LinesPerSecondColumn : IColumn
{
    public string Id => nameof(LinesPerSecondColumn);

    public string ColumnName => "Lines/s (mean; median)";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => false;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Standard-library lines parsed per second, from the mean and the median of one pass";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null)
        {
            return "-";
        }

        var lines = (double)StandardLibraryCorpus.LineCount;
        return $"{lines / (statistics.Mean / 1e9):N0}; {lines / (statistics.Median / 1e9):N0}";
    }

    public override string ToString() => ColumnName;
}
