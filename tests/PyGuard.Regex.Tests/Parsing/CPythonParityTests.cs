using System.Text.Json;
using PyGuard.Regex.Parsing;
using PyGuard.Regex.Parsing.Ast;
using Shouldly;

namespace PyGuard.Regex.Tests.Parsing;

/// <summary>
/// Every pattern in Data/parser-cases.jsonl (written by scripts/redos/cpython_parser_cases.py from CPython
/// 3.13's own `re.compile`) must get CPython's verdict: the same error message at the same position, or,
/// for a valid pattern, the same number of groups and the same (min, max) width.
/// </summary>
public sealed class CPythonParityTests
{
    public static TheoryData<int> CaseIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < ParserCase.All.Value.Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Parser_agrees_with_CPython(int index)
    {
        var c = ParserCase.All.Value[index];
        var result = c.IsBytes
            ? RegexParser.Parse(c.Pattern.Select(ch => (byte)ch).ToArray(), (RegexFlags)c.Flags)
            : RegexParser.Parse(c.Pattern, (RegexFlags)c.Flags);
        var what = $"pattern {JsonSerializer.Serialize(c.Pattern)} flags {c.Flags}";
        result.NotParsedReason.ShouldBeNull(what);
        if (c.Ok)
        {
            result.Error.ShouldBeNull(what);
            result.Tree!.GroupCount.ShouldBe(c.Groups, what);
            var width = PatternWidth.Of(result.Tree.Root, PatternWidth.OfGroups(result.Tree.Root, result.Tree.GroupCount));
            new[] { width.Min, width.Max == PatternWidth.Unbounded ? long.MaxValue : width.Max }
                .ShouldBe(c.Width, what);
        }
        else
        {
            result.Error.ShouldNotBeNull(what);
            result.Error.Message.ShouldBe(c.Message, what);
            result.Error.Position.ShouldBe(c.Position, what);
        }
    }
}

internal sealed record ParserCase(string Pattern, bool IsBytes, int Flags, bool Ok, int Groups, long[] Width, string? Message, int? Position)
{
    public static readonly Lazy<List<ParserCase>> All = new(Load);

    private static List<ParserCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", "parser-cases.jsonl");
        var cases = new List<ParserCase>();
        foreach (var line in File.ReadLines(path))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var ok = root.GetProperty("ok").GetBoolean();
            cases.Add(new ParserCase(
                root.GetProperty("p").GetString()!,
                root.TryGetProperty("bytes", out var b) && b.GetBoolean(),
                root.GetProperty("f").GetInt32(),
                ok,
                ok ? root.GetProperty("groups").GetInt32() : 0,
                ok ? [.. root.GetProperty("width").EnumerateArray().Select(e => e.GetInt64())] : [],
                ok ? null : root.GetProperty("msg").GetString(),
                ok || root.GetProperty("pos").ValueKind == JsonValueKind.Null ? null : root.GetProperty("pos").GetInt32()));
        }

        return cases;
    }
}
