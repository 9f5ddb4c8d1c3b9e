using System.Collections.Immutable;
using PyGuard.Engine.Model;

namespace PyGuard.Analyzers.Tests.Corpus;

/// <summary>
/// One labelled sample and what its header says about it:
/// <c># pyguard-corpus: verdict=block category=escape rules=PG301,PG302</c> on the first line and a
/// <c># what: ...</c> line in the comment block that opens the file (see corpus/README.md).
/// </summary>
internal sealed record CorpusSample(string RelativePath, Verdict Verdict, RuleCategory? Category, ImmutableArray<string> Rules, string What)
{
    private const string HeaderPrefix = "# pyguard-corpus:";
    private const string WhatPrefix = "# what:";

    /// <summary>Hostile samples live in corpus/hostile/&lt;category&gt;/, benign ones in corpus/benign/.</summary>
    public bool IsHostile => RelativePath.StartsWith("hostile/", StringComparison.Ordinal);

    /// <summary>The category named by the folder a hostile sample sits in; null for benign samples.</summary>
    public string? FolderCategory => IsHostile ? RelativePath.Split('/')[1] : null;

    /// <summary>The header as written, for messages.</summary>
    public string Label =>
        $"verdict={Verdict.ToName()}" +
        (Category is { } category ? $" category={category.ToName()}" : "") +
        (Rules.IsEmpty ? "" : $" rules={string.Join(',', Rules)}");

    /// <summary>Reads and parses the header; throws <see cref="FormatException"/> naming the file when it is malformed.</summary>
    public static CorpusSample Load(string relativePath)
    {
        // Headers are ASCII in every sample, whatever encoding the sample declares for its code.
        var leadingComments = File.ReadLines(CorpusFiles.FullPath(relativePath))
            .TakeWhile(line => line.StartsWith('#'))
            .ToList();
        if (leadingComments.Count == 0 || !leadingComments[0].StartsWith(HeaderPrefix, StringComparison.Ordinal))
        {
            throw new FormatException($"{relativePath}: the first line must start with '{HeaderPrefix}'");
        }

        var fields = ParseFields(relativePath, leadingComments[0][HeaderPrefix.Length..]);
        var what = leadingComments.FirstOrDefault(line => line.StartsWith(WhatPrefix, StringComparison.Ordinal))?[WhatPrefix.Length..].Trim();
        if (string.IsNullOrEmpty(what))
        {
            throw new FormatException($"{relativePath}: the opening comment block has no '{WhatPrefix}' line");
        }

        return new CorpusSample(
            relativePath,
            ParseVerdict(relativePath, fields.GetValueOrDefault("verdict")),
            fields.TryGetValue("category", out var category) ? ParseCategory(relativePath, category) : null,
            fields.TryGetValue("rules", out var rules) ? [.. rules.Split(',')] : [],
            what);
    }

    private static Dictionary<string, string> ParseFields(string relativePath, string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var token in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = token.IndexOf('=');
            var key = equals > 0 ? token[..equals] : token;
            if (equals <= 0 || equals == token.Length - 1 || key is not ("verdict" or "category" or "rules") || !fields.TryAdd(key, token[(equals + 1)..]))
            {
                throw new FormatException($"{relativePath}: bad header field '{token}' (expected verdict=, category= and rules= once each)");
            }
        }

        return fields;
    }

    private static Verdict ParseVerdict(string relativePath, string? text) => text switch
    {
        "allow" => Verdict.Allow,
        "review" => Verdict.Review,
        "block" => Verdict.Block,
        _ => throw new FormatException($"{relativePath}: verdict must be allow, review or block, not '{text}'"),
    };

    private static RuleCategory ParseCategory(string relativePath, string text) =>
        RuleCategoryExtensions.TryParse(text, out var category)
            ? category
            : throw new FormatException($"{relativePath}: unknown category '{text}'");
}
