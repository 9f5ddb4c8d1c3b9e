using System.Text.Json;

namespace PyGuard.Regex.Tests.Analysis;

/// <summary>One entry of corpus/redos/patterns.json, with the label CPython's timings gave it.</summary>
internal sealed record CorpusPattern(
    string Id, string Pattern, int Flags, MatchMode Mode, bool IsBytes, string Source, string Label, int Degree)
{
    public RedosReport Analyze() => IsBytes
        ? RedosChecker.Analyze(Pattern.Select(c => (byte)c).ToArray(), (RegexFlags)Flags, Mode)
        : RedosChecker.Analyze(Pattern, (RegexFlags)Flags, Mode);

    public override string ToString() => Id;
}

internal static class RedosCorpus
{
    public static readonly Lazy<IReadOnlyList<CorpusPattern>> All = new(Load);

    public static TheoryData<string> Ids(Func<CorpusPattern, bool> filter)
    {
        var data = new TheoryData<string>();
        foreach (var p in All.Value.Where(filter))
        {
            data.Add(p.Id);
        }

        return data;
    }

    public static CorpusPattern Get(string id) => All.Value.Single(p => p.Id == id);

    private static List<CorpusPattern> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("corpus/redos/patterns.json")));
        return [.. doc.RootElement.GetProperty("patterns").EnumerateArray().Select(p => new CorpusPattern(
            p.GetProperty("id").GetString()!,
            p.GetProperty("pattern").GetString()!,
            p.GetProperty("flags").GetInt32(),
            p.GetProperty("mode").GetString() switch
            {
                "match" => MatchMode.Match,
                "fullmatch" => MatchMode.FullMatch,
                _ => MatchMode.Search,
            },
            p.GetProperty("bytes").GetBoolean(),
            p.GetProperty("source").GetString()!,
            p.GetProperty("label").GetString()!,
            p.GetProperty("degree").GetInt32()))];
    }
}
