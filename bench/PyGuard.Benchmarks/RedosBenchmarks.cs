using BenchmarkDotNet.Attributes;
using PyGuard.Regex;
using PyGuard.Regex.Parsing;

namespace PyGuard.Benchmarks;

/// <summary>
/// Warm cost of the ReDoS analysis, per regex: the whole labelled corpus (corpus/redos/patterns.json) analysed
/// once per operation, reported per pattern, and the ANTLR parse alone for a small pattern.
/// <c>dotnet run -c Release --project bench/PyGuard.Benchmarks -- --filter '*Redos*'</c>
/// </summary>
[MemoryDiagnoser]
public class RedosBenchmarks
{
    private (string Pattern, RegexFlags Flags, MatchMode Mode, bool IsBytes)[] _corpus = [];

    [GlobalSetup]
    public void Setup()
    {
        var root = FindRoot();
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "corpus/redos/patterns.json")));
        _corpus = [.. doc.RootElement.GetProperty("patterns").EnumerateArray().Select(p => (
            p.GetProperty("pattern").GetString()!,
            (RegexFlags)p.GetProperty("flags").GetInt32(),
            p.GetProperty("mode").GetString() switch { "match" => MatchMode.Match, "fullmatch" => MatchMode.FullMatch, _ => MatchMode.Search },
            p.GetProperty("bytes").GetBoolean()))];
    }

    /// <summary>All corpus patterns; divide by <see cref="CorpusSize"/> for the time per regex.</summary>
    [Benchmark]
    public int AnalyzeCorpus()
    {
        var flagged = 0;
        foreach (var (pattern, flags, mode, isBytes) in _corpus)
        {
            var report = isBytes
                ? RedosChecker.Analyze(System.Text.Encoding.Latin1.GetBytes(pattern), flags, mode)
                : RedosChecker.Analyze(pattern, flags, mode);
            flagged += report.IsVulnerable ? 1 : 0;
        }

        return flagged;
    }

    [Benchmark]
    public RedosReport AnalyzeNestedQuantifier() => RedosChecker.Analyze("^(a+)+$", mode: MatchMode.Match);

    [Benchmark]
    public RegexParseResult ParseSmallPattern() => RegexParser.Parse(@"^[\w.+-]+@[\w-]+\.[\w.-]+$");

    public int CorpusSize => _corpus.Length;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PyGuard.sln")))
            {
                return dir.FullName;
            }
        }

        return Environment.GetEnvironmentVariable("PYGUARD_REPO_ROOT") ?? ".";
    }
}
