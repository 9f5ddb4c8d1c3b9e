using System.IO.Compression;
using System.Text.Json;
using PyGuard.Engine.Model;
using PyGuard.Reporting.Sarif;

namespace PyGuard.Reporting.Tests.Sarif;

/// <summary>GitHub's limits: a log that would exceed one is cut deterministically, most severe results kept, and says so.</summary>
public sealed class SarifLimitsTests
{
    [Fact]
    public void Results_beyond_the_limit_are_cut_keeping_the_most_severe_in_scan_order()
    {
        var (sources, file) = MixedFindings(12);
        using var sarif = SarifOutput.Write(sources, o => o with { Limits = new SarifLimits { MaxResults = 4 } }, file);

        sarif.Results.Count.ShouldBe(4);
        sarif.Summary.Results.ShouldBe(4);
        sarif.Results.ShouldAllBe(r => r.Str("level") == "error");
        var lines = sarif.Results.Select(r => r.Int("locations", "0", "physicalLocation", "region", "startLine")).ToList();
        lines.ShouldBe(lines.Order().ToList());
        sarif.Run.Int("properties", "resultsOmitted").ShouldBe(8);
        sarif.Summary.Notices.ShouldBe(["12 results are more than the 4 per run GitHub accepts; kept the 4 most severe"]);
    }

    [Fact]
    public void Among_equally_severe_results_the_higher_security_severity_then_confidence_then_scan_order_wins()
    {
        var sources = new InMemorySources().Add("a.py", string.Concat(Enumerable.Repeat("x\n", 10)));
        var weakEval = TestRules.Finding(TestRules.Eval, 1, 1, 1, 2) with { Confidence = Confidence.Low };
        var leak = TestRules.Finding(TestRules.Leak, 2, 1, 2, 2);
        var eval = TestRules.Finding(TestRules.Eval, 3, 1, 3, 2);
        var laterEval = TestRules.Finding(TestRules.Eval, 4, 1, 4, 2);
        using var sarif = SarifOutput.Write(sources, o => o with { Limits = new SarifLimits { MaxResults = 2 } }, TestRules.File("a.py", weakEval, leak, eval, laterEval));
        sarif.Results.Select(r => r.Int("locations", "0", "physicalLocation", "region", "startLine")).ShouldBe([3, 4]);
    }

    [Fact]
    public void Suppressed_results_are_cut_before_active_ones()
    {
        var sources = new InMemorySources().Add("a.py", "x\nx\n");
        var suppressed = TestRules.Finding(TestRules.Eval, 1, 1, 1, 2) with { SuppressedBy = "reviewed" };
        var note = TestRules.Finding(TestRules.Loop, 2, 1, 2, 2);
        using var sarif = SarifOutput.Write(sources, o => o with { Limits = new SarifLimits { MaxResults = 1 } }, TestRules.File("a.py", suppressed, note));
        sarif.Results.Single().Str("ruleId").ShouldBe("PG401");
    }

    [Fact]
    public void Tags_beyond_the_limit_are_cut_and_reported()
    {
        var manyCwes = TestRules.Make("PG209", "Many weaknesses", RuleCategory.Exec, Severity.Error, Confidence.High, 9.0, [.. Enumerable.Range(1, 25)]);
        using var sarif = SarifOutput.Write(new InMemorySources(), o => o with { Rules = [.. TestRules.All, manyCwes] });
        var tags = sarif.Rule("PG209").At("properties", "tags").EnumerateArray().Select(t => t.GetString()).ToList();
        tags.Count.ShouldBe(20);
        tags[..3].ShouldBe(["security", "exec", "external/cwe/cwe-001"]);
        tags[^1].ShouldBe("external/cwe/cwe-018");
        sarif.Summary.Notices.ShouldBe(["rule PG209 has 27 tags, more than the 20 GitHub accepts; kept the first 20"]);
    }

    [Fact]
    public void A_code_flow_beyond_the_limit_keeps_its_first_steps_and_its_last()
    {
        var steps = Enumerable.Range(1, 8).Select(i => new FlowStep(new SourceLocation(i, 1, i, 2), $"step {i}")).ToArray();
        var finding = TestRules.Finding(TestRules.Leak, 8, 1, 8, 2) with { Flow = [.. steps] };
        var sources = new InMemorySources().Add("a.py", string.Concat(Enumerable.Repeat("x\n", 8)));
        using var sarif = SarifOutput.Write(sources, o => o with { Limits = new SarifLimits { MaxThreadFlowLocations = 4 } }, TestRules.File("a.py", finding));
        var kept = sarif.Results.Single().At("codeFlows", "0", "threadFlows", "0", "locations").EnumerateArray().Select(l => l.Str("location", "message", "text"));
        kept.ShouldBe(["step 1", "step 2", "step 3", "step 8"]);
        sarif.Summary.Notices.ShouldBe(["1 code flows had more than the 4 steps GitHub accepts; kept the first 3 and the last step of each"]);
    }

    [Fact]
    public void A_log_too_large_once_gzipped_keeps_the_most_severe_results_that_fit()
    {
        var (sources, file) = MixedFindings(400);
        using var full = SarifOutput.Write(sources, file);
        var fullSize = Gzipped(full.Bytes);
        var limit = fullSize * 2 / 3;

        using var sarif = SarifOutput.Write(sources, o => o with { Limits = new SarifLimits { MaxGzippedBytes = limit } }, file);
        Gzipped(sarif.Bytes).ShouldBeLessThanOrEqualTo(limit);
        sarif.Results.Count.ShouldBeInRange(1, 399);
        sarif.Summary.Notices.Single().ShouldStartWith($"the SARIF log is ");
        sarif.Summary.Notices.Single().ShouldEndWith($"kept the {sarif.Results.Count} most severe of 400 results");
        sarif.Run.Int("properties", "resultsOmitted").ShouldBe(400 - sarif.Results.Count);

        // The cut keeps whole severity classes first: no note survives while an error was dropped.
        var levels = sarif.Results.Select(r => r.Str("level")).ToList();
        var errors = full.Results.Count(r => r.Str("level") == "error");
        if (levels.Contains("note") || levels.Contains("warning"))
        {
            levels.Count(l => l == "error").ShouldBe(errors);
        }

        // One more result would not have fitted: the cut is as small as it can be.
        using var oneMore = SarifOutput.Write(sources, o => o with { Limits = new SarifLimits { MaxResults = sarif.Results.Count + 1 } }, file);
        Gzipped(oneMore.Bytes).ShouldBeGreaterThan(limit);
    }

    [Fact]
    public void A_log_that_cannot_fit_even_without_results_is_written_whole_and_reported()
    {
        var (sources, file) = MixedFindings(3);
        using var sarif = SarifOutput.Write(sources, o => o with { Limits = new SarifLimits { MaxGzippedBytes = 100 } }, file);
        sarif.Results.Count.ShouldBe(3);
        sarif.Summary.Notices.Single().ShouldEndWith("even without results; written uncut (scan fewer files at once)");
    }

    [Fact]
    public void Within_the_limits_nothing_is_cut_or_reported()
    {
        var (sources, file) = MixedFindings(30);
        using var sarif = SarifOutput.Write(sources, file);
        sarif.Results.Count.ShouldBe(30);
        sarif.Summary.Notices.ShouldBeEmpty();
        sarif.Run.GetProperty("properties").Has("resultsOmitted").ShouldBeFalse();
    }

    /// <summary>Findings of every severity, in an order that mixes them, with messages that do not compress to nothing.</summary>
    private static (InMemorySources Sources, FileScanResult File) MixedFindings(int count)
    {
        var random = new Random(6);
        var rules = new[] { TestRules.Loop, TestRules.Eval, TestRules.Import };
        var code = string.Concat(Enumerable.Range(1, count).Select(i => $"value_{i} = call_{random.Next()}()\n"));
        var findings = Enumerable.Range(1, count)
            .Select(i => TestRules.Finding(rules[i % 3], i, 1, i, 5, $"finding {i}: {Convert.ToHexString(BitConverter.GetBytes(random.NextInt64()))}"))
            .ToArray();
        return (new InMemorySources().Add("mixed.py", code), TestRules.File("mixed.py", findings));
    }

    private static long Gzipped(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.Length;
    }
}
