using System.Text;
using PyGuard.Engine.Model;
using PyGuard.Reporting.Sarif;

namespace PyGuard.Reporting.Tests.Sarif;

/// <summary><c>--baseline</c>: only results whose identity (rule, file, line hash) is not in the old log are reported.</summary>
public sealed class SarifBaselineTests
{
    private const string Code = "import os\n\ndef run(cmd):\n    return eval(cmd)\n";

    [Fact]
    public void The_same_scan_against_its_own_log_reports_nothing_new()
    {
        var sources = new InMemorySources().Add("run.py", Code);
        var file = TestRules.File("run.py", TestRules.Finding(TestRules.Import, 1, 1, 1, 10), TestRules.Finding(TestRules.Eval, 4, 12, 4, 21));
        using var old = SarifOutput.Write(sources, file);
        var baseline = SarifBaseline.Parse(old.Bytes);
        baseline.Count.ShouldBe(2);

        using var again = SarifOutput.Write(sources, o => o with { Baseline = baseline }, file);
        again.Results.ShouldBeEmpty();
        again.Summary.BaselineMatches.ShouldBe(2);
    }

    [Fact]
    public void Lines_inserted_above_do_not_make_old_results_new_and_a_new_finding_is_reported_as_new()
    {
        var oldSources = new InMemorySources().Add("run.py", Code);
        using var old = SarifOutput.Write(oldSources, TestRules.File("run.py", TestRules.Finding(TestRules.Eval, 4, 12, 4, 21)));

        // The hash covers the line and what follows it, so the new code goes above the old finding.
        const string Edited = "while True:\n    pass\n# a header\n" + Code;
        var newSources = new InMemorySources().Add("run.py", Edited);
        var newFile = TestRules.File("run.py", TestRules.Finding(TestRules.Loop, 1, 1, 2, 9), TestRules.Finding(TestRules.Eval, 7, 12, 7, 21));
        using var current = SarifOutput.Write(newSources, o => o with { Baseline = SarifBaseline.Parse(old.Bytes) }, newFile);

        var result = current.Results.Single();
        result.Str("ruleId").ShouldBe("PG401");
        result.Str("baselineState").ShouldBe("new");
        current.Summary.BaselineMatches.ShouldBe(1);
    }

    [Fact]
    public void A_changed_line_or_another_file_or_another_rule_is_new()
    {
        var sources = new InMemorySources().Add("run.py", Code);
        using var old = SarifOutput.Write(sources, TestRules.File("run.py", TestRules.Finding(TestRules.Eval, 4, 12, 4, 21)));
        var baseline = SarifBaseline.Parse(old.Bytes);

        var changed = new InMemorySources().Add("run.py", Code.Replace("eval(cmd)", "eval(cmd.strip())"));
        using var edited = SarifOutput.Write(changed, o => o with { Baseline = baseline }, TestRules.File("run.py", TestRules.Finding(TestRules.Eval, 4, 12, 4, 29)));
        edited.Results.Count.ShouldBe(1);

        using var moved = SarifOutput.Write(new InMemorySources().Add("other.py", Code), o => o with { Baseline = baseline }, TestRules.File("other.py", TestRules.Finding(TestRules.Eval, 4, 12, 4, 21)));
        moved.Results.Count.ShouldBe(1);

        using var otherRule = SarifOutput.Write(sources, o => o with { Baseline = baseline }, TestRules.File("run.py", TestRules.Finding(TestRules.Leak, 4, 12, 4, 21)));
        otherRule.Results.Count.ShouldBe(1);
    }

    [Fact]
    public void Identical_results_are_matched_one_for_one()
    {
        var sources = new InMemorySources().Add("a.py", "eval(a); eval(b)\n");
        using var old = SarifOutput.Write(sources, TestRules.File("a.py", TestRules.Finding(TestRules.Eval, 1, 1, 1, 8)));
        var twice = TestRules.File("a.py", TestRules.Finding(TestRules.Eval, 1, 1, 1, 8), TestRules.Finding(TestRules.Eval, 1, 10, 1, 17));
        using var current = SarifOutput.Write(sources, o => o with { Baseline = SarifBaseline.Parse(old.Bytes) }, twice);
        current.Results.Count.ShouldBe(1);
        current.Summary.BaselineMatches.ShouldBe(1);
    }

    [Fact]
    public void Suppressed_results_of_the_baseline_count_as_known()
    {
        var sources = new InMemorySources().Add("a.py", "eval(x)\n");
        var suppressed = TestRules.Finding(TestRules.Eval, 1, 1, 1, 8) with { SuppressedBy = "reviewed" };
        using var old = SarifOutput.Write(sources, TestRules.File("a.py", suppressed));
        using var current = SarifOutput.Write(sources, o => o with { Baseline = SarifBaseline.Parse(old.Bytes) }, TestRules.File("a.py", TestRules.Finding(TestRules.Eval, 1, 1, 1, 8)));
        current.Results.ShouldBeEmpty();
    }

    [Fact]
    public void A_baseline_from_another_tool_is_read_by_rule_location_and_line_hash()
    {
        var hash = PrimaryLocationLineHash.ForAllLines("eval(x)\n")[0];
        var foreign = $$$$"""
            {"version": "2.1.0", "runs": [
              {"tool": {"driver": {"name": "other"}},
               "artifacts": [{"location": {"uri": "a.py", "uriBaseId": "%SRCROOT%"}}],
               "results": [
                 {"rule": {"id": "PG201"}, "message": {"text": "m"}, "partialFingerprints": {"primaryLocationLineHash": "{{{{hash}}}}"},
                  "locations": [{"physicalLocation": {"artifactLocation": {"index": 0}}}]},
                 {"ruleId": "PG201", "message": {"text": "no fingerprint"}, "locations": []},
                 {"ruleId": "PG201", "partialFingerprints": {"primaryLocationLineHash": 7}}
               ]}]}
            """;
        var baseline = SarifBaseline.Parse(Encoding.UTF8.GetBytes(foreign));
        baseline.Count.ShouldBe(1);
        using var current = SarifOutput.Write(new InMemorySources().Add("a.py", "eval(x)\n"), o => o with { Baseline = baseline }, TestRules.File("a.py", TestRules.Finding(TestRules.Eval, 1, 1, 1, 8)));
        current.Results.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("not json at all", "not JSON")]
    [InlineData("[1, 2]", "not a SARIF 2.1.0 log (no \"version\": \"2.1.0\")")]
    [InlineData("{\"version\": \"2.0.0\", \"runs\": []}", "not a SARIF 2.1.0 log (no \"version\": \"2.1.0\")")]
    [InlineData("{\"version\": \"2.1.0\"}", "not a SARIF 2.1.0 log (no \"runs\" array)")]
    public void A_baseline_that_is_not_a_sarif_log_is_refused_in_one_line(string content, string reason)
    {
        var error = Should.Throw<SarifBaselineException>(() => SarifBaseline.Parse(Encoding.UTF8.GetBytes(content)));
        error.Message.ShouldStartWith(reason);
        error.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void A_missing_or_invalid_baseline_file_names_the_file()
    {
        var directory = Directory.CreateTempSubdirectory("pyguard-baseline-").FullName;
        try
        {
            var missing = Path.Combine(directory, "old.sarif");
            Should.Throw<SarifBaselineException>(() => SarifBaseline.Load(missing)).Message.ShouldBe($"no such baseline: '{missing}'");
            File.WriteAllText(missing, "{");
            Should.Throw<SarifBaselineException>(() => SarifBaseline.Load(missing)).Message.ShouldStartWith($"invalid baseline '{missing}': not JSON");
            Should.Throw<SarifBaselineException>(() => SarifBaseline.Load(directory)).Message.ShouldStartWith($"cannot read baseline '{directory}'");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Without_a_baseline_results_have_no_baseline_state()
    {
        using var sarif = SarifOutput.Write(new InMemorySources().Add("a.py", "eval(x)\n"), TestRules.File("a.py", TestRules.Finding(TestRules.Eval, 1, 1, 1, 8)));
        sarif.Results.Single().Has("baselineState").ShouldBeFalse();
        sarif.Summary.BaselineMatches.ShouldBe(0);
    }
}
