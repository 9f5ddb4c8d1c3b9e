using System.Text;
using BenchmarkDotNet.Attributes;
using PyGuard.Engine.Model;
using PyGuard.Reporting;
using PyGuard.Reporting.Sarif;

namespace PyGuard.Benchmarks;

/// <summary>
/// Writing SARIF for 20,000 findings (200 files of 400 lines, 100 findings each, every built-in rule, some
/// lines with astral characters): rules, fingerprints from the files' bytes, UTF-16 regions, the gzip size
/// check against GitHub's limit, and serialization. The sources are in memory, so the figure is the
/// report's own cost, not the disk's.
/// <c>dotnet run -c Release --project bench/PyGuard.Benchmarks -- --filter '*Sarif*'</c>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class SarifBenchmarks
{
    private const int Files = 200;
    private const int LinesPerFile = 400;
    private const int FindingsPerFile = 100;

    private ScanReport _report = null!;
    private SarifReportOptions _options = null!;
    private SarifBaseline _baseline = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rules = PythonScanner.BuiltInRules;
        var sources = new MemorySources();
        var random = new Random(20_000);
        var files = new List<FileScanResult>();
        for (var f = 0; f < Files; f++)
        {
            var path = $"src/package_{f / 20}/module_{f}.py";
            var code = new StringBuilder();
            for (var line = 1; line <= LinesPerFile; line++)
            {
                code.Append(line % 17 == 0 ? $"label_{line} = 'résumé 😀 {random.Next()}'  # note\n" : $"    value_{line} = compute_{random.Next(1000)}(data[{line}], key='k{line}')\n");
            }

            sources.Add(path, code.ToString());
            var findings = Enumerable.Range(0, FindingsPerFile).Select(i =>
            {
                var rule = rules[random.Next(rules.Length)];
                var line = 1 + random.Next(LinesPerFile);
                return new Finding(rule, rule.DefaultSeverity, rule.Confidence, $"{rule.Title.ToLowerInvariant()} reached through value_{line}", new SourceLocation(line, 5, line, 30));
            });
            files.Add(new FileScanResult(path, Verdict.Block, 95, [.. findings.OrderBy(x => x.Location.Line)]));
        }

        _report = new ScanReport([.. files]);
        _options = new SarifReportOptions { Rules = rules, Sources = sources, RootDirectory = "/work/project", PolicyName = "agent" };
        using var log = new MemoryStream();
        SarifReport.Write(_report, _options, log);
        _baseline = SarifBaseline.Parse(log.ToArray());
    }

    [Benchmark]
    public long Write20000Findings()
    {
        using var output = new MemoryStream();
        SarifReport.Write(_report, _options, output);
        return output.Length;
    }

    [Benchmark]
    public long Write20000FindingsAgainstTheirBaseline()
    {
        using var output = new MemoryStream();
        SarifReport.Write(_report, _options with { Baseline = _baseline }, output);
        return output.Length;
    }

    private sealed class MemorySources : ISourceFiles
    {
        private readonly Dictionary<string, (byte[] Bytes, string[] Lines)> _files = new(StringComparer.Ordinal);

        public void Add(string path, string text) => _files[path] = (Encoding.UTF8.GetBytes(text), text.Split('\n'));

        public byte[]? GetBytes(string path) => _files.TryGetValue(path, out var file) ? file.Bytes : null;

        public string? GetLine(string path, int line) =>
            _files.TryGetValue(path, out var file) && line >= 1 && line <= file.Lines.Length ? file.Lines[line - 1] : null;
    }
}
