using System.Text.Json;
using PyGuard.Engine.Model;
using PyGuard.Engine.Pipeline;
using PyGuard.Reporting.Sarif;

namespace PyGuard.Reporting.Tests.Sarif;

/// <summary>The shape of the SARIF log: tool, rules, results, artifacts, invocation.</summary>
public sealed class SarifReportTests
{
    private const string Code = "import os\n\ndef run(cmd):\n    return eval(cmd)\n\nrun('1')\n";

    [Fact]
    public void The_log_is_sarif_2_1_0_with_one_run_of_pyguard()
    {
        using var sarif = SarifOutput.Write(new InMemorySources());
        sarif.Log.Str("version").ShouldBe("2.1.0");
        sarif.Log.Str("$schema").ShouldBe("https://json.schemastore.org/sarif-2.1.0.json");
        sarif.Log.GetProperty("runs").GetArrayLength().ShouldBe(1);
        var driver = sarif.Run.At("tool", "driver");
        driver.Str("name").ShouldBe("PyGuard");
        driver.Str("semanticVersion").ShouldMatch(@"^\d+\.\d+\.\d+$");
        Uri.IsWellFormedUriString(driver.Str("informationUri"), UriKind.Absolute).ShouldBeTrue();
        sarif.Run.Str("columnKind").ShouldBe("utf16CodeUnits");
        sarif.Run.Str("automationDetails", "id").ShouldBe("pyguard/");
        sarif.Run.Str("properties", "policy").ShouldBe("agent");
        sarif.Run.Str("properties", "verdict").ShouldBe("allow");
        sarif.Run.GetProperty("results").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void Every_rule_is_described_with_help_from_its_descriptor()
    {
        using var sarif = SarifOutput.Write(new InMemorySources());
        var rules = sarif.Run.At("tool", "driver", "rules").EnumerateArray().ToList();
        rules.Select(r => r.Str("id")).ShouldBe(TestRules.All.Select(r => r.Id).Order(StringComparer.Ordinal));
        foreach (var descriptor in TestRules.All)
        {
            var rule = sarif.Rule(descriptor.Id);
            rule.Str("shortDescription", "text").ShouldBe(descriptor.Title);
            rule.Str("fullDescription", "text").ShouldBe(descriptor.Help.WhatItDoes);
            rule.Str("help", "text").ShouldBe(RuleDocumentation.HelpText(descriptor));
            rule.Str("help", "markdown").ShouldBe(RuleDocumentation.HelpMarkdown(descriptor));
            rule.Str("defaultConfiguration", "level").ShouldBe(descriptor.DefaultSeverity.ToName());
            rule.Str("properties", "precision").ShouldBe(descriptor.Confidence.ToName());
            rule.At("properties", "security-severity").ValueKind.ShouldBe(JsonValueKind.String);
        }
    }

    [Fact]
    public void Rule_metadata_follows_githubs_conventions()
    {
        using var sarif = SarifOutput.Write(new InMemorySources());
        var eval = sarif.Rule("PG201");
        eval.Str("name").ShouldBe("UseOfEval");
        eval.Str("properties", "security-severity").ShouldBe("9.1");
        eval.At("properties", "tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["security", "exec", "external/cwe/cwe-095", "external/cwe/cwe-078"]);
        sarif.Rule("PG101").Str("name").ShouldBe("ImportOfDangerousModule");
        sarif.Rule("PG401").At("properties", "tags").EnumerateArray().Select(t => t.GetString()).ShouldBe(["security", "resource"]);
        sarif.Rule("PG401").Str("defaultConfiguration", "level").ShouldBe("note");
        sarif.Rule("PG401").Str("properties", "precision").ShouldBe("low");
    }

    [Fact]
    public void A_rule_reported_but_not_listed_is_described_too()
    {
        var extra = TestRules.Make("PG702", "Write outside the working directory", RuleCategory.Filesystem, Severity.Warning, Confidence.High, 5.0, [22]);
        using var sarif = SarifOutput.Write(new InMemorySources().Add("a.py", "x\n"), TestRules.File("a.py", TestRules.Finding(extra, 1, 1, 1, 2)));
        sarif.Rule("PG702").Str("shortDescription", "text").ShouldBe(extra.Title);
        var result = sarif.Results.Single();
        sarif.Run.At("tool", "driver", "rules")[result.Int("ruleIndex")].Str("id").ShouldBe("PG702");
    }

    [Fact]
    public void A_result_names_its_rule_level_message_and_location()
    {
        var sources = new InMemorySources().Add("pkg/run.py", Code);
        using var sarif = SarifOutput.Write(sources, TestRules.File("pkg/run.py", TestRules.Finding(TestRules.Eval, 4, 12, 4, 21, "eval of code computed at run time")));
        var result = sarif.Results.Single();
        result.Str("ruleId").ShouldBe("PG201");
        sarif.Run.At("tool", "driver", "rules")[result.Int("ruleIndex")].Str("id").ShouldBe("PG201");
        result.Str("level").ShouldBe("error");
        result.Str("message", "text").ShouldBe("eval of code computed at run time");
        result.GetProperty("locations").GetArrayLength().ShouldBe(1);
        var physical = result.At("locations", "0", "physicalLocation");
        physical.Str("artifactLocation", "uri").ShouldBe("pkg/run.py");
        physical.Str("artifactLocation", "uriBaseId").ShouldBe("%SRCROOT%");
        physical.Int("artifactLocation", "index").ShouldBe(0);
        physical.Int("region", "startLine").ShouldBe(4);
        physical.Int("region", "startColumn").ShouldBe(12);
        physical.Int("region", "endLine").ShouldBe(4);
        physical.Int("region", "endColumn").ShouldBe(21);
        result.Str("properties", "confidence").ShouldBe("high");
        result.Str("properties", "category").ShouldBe("exec");
        result.Has("suppressions").ShouldBeFalse();
        result.Has("codeFlows").ShouldBeFalse();
        result.Has("baselineState").ShouldBeFalse();
    }

    [Theory]
    [InlineData(Severity.Error, "error")]
    [InlineData(Severity.Warning, "warning")]
    [InlineData(Severity.Note, "note")]
    public void Every_severity_is_written_as_a_level(Severity severity, string level)
    {
        var finding = TestRules.Finding(TestRules.Eval, 1, 1, 1, 2) with { Severity = severity };
        using var sarif = SarifOutput.Write(new InMemorySources().Add("a.py", "eval(x)\n"), TestRules.File("a.py", finding));
        sarif.Results.Single().Str("level").ShouldBe(level);
    }

    [Fact]
    public void The_fingerprint_is_the_hash_of_the_findings_first_line()
    {
        var sources = new InMemorySources().Add("run.py", Code);
        using var sarif = SarifOutput.Write(sources, TestRules.File("run.py", TestRules.Finding(TestRules.Eval, 4, 12, 4, 21)));
        sarif.Results.Single().Str("partialFingerprints", "primaryLocationLineHash").ShouldBe(PrimaryLocationLineHash.ForAllLines(Code)[3]);
    }

    [Fact]
    public void A_file_that_cannot_be_read_still_gives_every_result_a_fingerprint()
    {
        using var sarif = SarifOutput.Write(new InMemorySources(), TestRules.File("gone.py", TestRules.Finding(TestRules.Eval, 3, 1, 3, 2)));
        sarif.Results.Single().Str("partialFingerprints", "primaryLocationLineHash").ShouldBe(PrimaryLocationLineHash.ForAllLines(string.Empty)[0]);
    }

    [Fact]
    public void Columns_after_astral_characters_are_counted_in_utf16_units()
    {
        const string Line = "s = '😀é😀'; eval(s)  # 😀";
        var sources = new InMemorySources().Add("emoji.py", "# é\n" + Line + "\n");

        // eval(s) spans code points 12-18 (end exclusive 19); two astral characters come before it.
        using var sarif = SarifOutput.Write(sources, TestRules.File("emoji.py", TestRules.Finding(TestRules.Eval, 2, 12, 2, 19)));
        var region = sarif.Results.Single().At("locations", "0", "physicalLocation", "region");
        region.Int("startColumn").ShouldBe(14);
        region.Int("endColumn").ShouldBe(21);
        Line.Substring(region.Int("startColumn") - 1, region.Int("endColumn") - region.Int("startColumn")).ShouldBe("eval(s)");
    }

    [Fact]
    public void A_region_over_several_lines_converts_each_end_on_its_own_line()
    {
        var sources = new InMemorySources().Add("multi.py", "x = ('😀', eval(\n  '😀😀' + y))\n");
        using var sarif = SarifOutput.Write(sources, TestRules.File("multi.py", TestRules.Finding(TestRules.Eval, 1, 11, 2, 11)));
        var region = sarif.Results.Single().At("locations", "0", "physicalLocation", "region");
        (region.Int("startLine"), region.Int("startColumn"), region.Int("endLine"), region.Int("endColumn")).ShouldBe((1, 12, 2, 13));
    }

    [Fact]
    public void A_malformed_location_becomes_a_valid_region()
    {
        using var sarif = SarifOutput.Write(new InMemorySources().Add("a.py", "abc\n"), TestRules.File("a.py", TestRules.Finding(TestRules.Eval, 0, 0, 0, 0)));
        var region = sarif.Results.Single().At("locations", "0", "physicalLocation", "region");
        (region.Int("startLine"), region.Int("startColumn"), region.Int("endLine"), region.Int("endColumn")).ShouldBe((1, 1, 1, 1));
    }

    [Fact]
    public void Standard_input_is_named_without_a_base()
    {
        using var sarif = SarifOutput.Write(new InMemorySources().Add("<stdin>", "eval(x)\n"), TestRules.File("<stdin>", TestRules.Finding(TestRules.Eval, 1, 1, 1, 8)));
        var artifact = sarif.Results.Single().At("locations", "0", "physicalLocation", "artifactLocation");
        artifact.Str("uri").ShouldBe("%3Cstdin%3E");
        artifact.Has("uriBaseId").ShouldBeFalse();
        sarif.Run.Str("artifacts", "0", "description", "text").ShouldBe("standard input");
        sarif.Results.Single().Str("partialFingerprints", "primaryLocationLineHash").ShouldBe(PrimaryLocationLineHash.ForAllLines("eval(x)\n")[0]);
    }

    [Fact]
    public void Every_scanned_file_is_an_artifact_with_its_verdict_and_score()
    {
        var clean = new FileScanResult("clean.py", Verdict.Allow, 0, []);
        var risky = new FileScanResult("risky.py", Verdict.Review, 45, [TestRules.Finding(TestRules.Import, 1, 1, 1, 10)]);
        using var sarif = SarifOutput.Write(new InMemorySources().Add("risky.py", "import os\n"), clean, risky);
        var artifacts = sarif.Run.GetProperty("artifacts").EnumerateArray().ToList();
        artifacts.Select(a => a.Str("location", "uri")).ShouldBe(["clean.py", "risky.py"]);
        artifacts.Select(a => a.Str("properties", "verdict")).ShouldBe(["allow", "review"]);
        artifacts.Select(a => a.Int("properties", "score")).ShouldBe([0, 45]);
        artifacts.ShouldAllBe(a => a.Str("sourceLanguage") == "python");
        sarif.Results.Single().Int("locations", "0", "physicalLocation", "artifactLocation", "index").ShouldBe(1);
        sarif.Run.Str("properties", "verdict").ShouldBe("review");
    }

    [Fact]
    public void The_invocation_succeeded_and_the_root_is_declared()
    {
        using var sarif = SarifOutput.Write(new InMemorySources());
        var invocation = sarif.Run.GetProperty("invocations").EnumerateArray().Single();
        invocation.GetProperty("executionSuccessful").GetBoolean().ShouldBeTrue();
        invocation.Has("toolExecutionNotifications").ShouldBeFalse();
        invocation.Str("workingDirectory", "uri").ShouldBe("file:///work/project/");
        sarif.Run.Str("originalUriBaseIds", "%SRCROOT%", "uri").ShouldBe("file:///work/project/");
    }

    [Fact]
    public void Files_that_could_not_be_read_parsed_or_fully_analysed_are_execution_notifications()
    {
        var unreadable = new FileScanResult("locked.py", Verdict.Block, 100,
            [new Finding(EngineRules.SyntaxError, Severity.Error, Confidence.High, "cannot read the file: permission denied", new SourceLocation(1, 1, 1, 1))]) { Parsed = false };
        var broken = new FileScanResult("broken.py", Verdict.Block, 100,
            [new Finding(EngineRules.SyntaxError, Severity.Error, Confidence.High, "SyntaxError: invalid syntax", new SourceLocation(2, 5, 2, 6))]) { Parsed = false };
        var deep = new FileScanResult("deep.py", Verdict.Block, 95,
            [new Finding(EngineRules.AnalysisIncomplete, Severity.Error, Confidence.Medium, "analysis incomplete: budget", new SourceLocation(1, 1, 1, 1)), TestRules.Finding(TestRules.Eval, 1, 1, 1, 2)]);
        var sources = new InMemorySources().Add("broken.py", "x = 1\nif x\n").Add("deep.py", "eval(x)\n");
        using var sarif = SarifOutput.Write(sources, unreadable, broken, deep);

        var invocation = sarif.Run.At("invocations", "0");
        invocation.GetProperty("executionSuccessful").GetBoolean().ShouldBeTrue();
        var notifications = invocation.GetProperty("toolExecutionNotifications").EnumerateArray().ToList();
        notifications.Select(n => n.Str("level")).ShouldBe(["error", "error", "warning"]);
        notifications[0].Str("message", "text").ShouldBe("locked.py: cannot read the file: permission denied");
        notifications[1].Str("associatedRule", "id").ShouldBe("PG901");
        notifications[1].Int("locations", "0", "physicalLocation", "region", "startLine").ShouldBe(2);
        notifications[2].Str("associatedRule", "id").ShouldBe("PG903");
        sarif.Run.Str("artifacts", "1", "location", "uri").ShouldBe("broken.py");
        sarif.Run.At("artifacts", "1", "properties", "parsed").GetBoolean().ShouldBeFalse();
        sarif.Results.Count.ShouldBe(4);
    }

    [Fact]
    public void A_suppressed_finding_is_a_result_with_an_in_source_suppression()
    {
        var suppressed = TestRules.Finding(TestRules.Eval, 1, 1, 1, 8) with { SuppressedBy = "trusted input from our own config" };
        using var sarif = SarifOutput.Write(new InMemorySources().Add("a.py", "eval(x)  # pyguard: ignore[PG201]\n"), TestRules.File("a.py", suppressed));
        var suppression = sarif.Results.Single().GetProperty("suppressions").EnumerateArray().Single();
        suppression.Str("kind").ShouldBe("inSource");
        suppression.Str("justification").ShouldBe("trusted input from our own config");
    }

    [Fact]
    public void A_taint_finding_carries_its_flow_as_a_code_flow()
    {
        const string Flow = "import os\nkey = os.environ['API_KEY']\nurl = 'https://x.example/?k=' + key\nrequests.get(url)\n";
        var finding = TestRules.Finding(TestRules.Leak, 4, 1, 4, 18) with
        {
            Flow =
            [
                new FlowStep(new SourceLocation(2, 7, 2, 28), "secret read from os.environ"),
                new FlowStep(new SourceLocation(3, 7, 3, 36), "joined into the URL"),
                new FlowStep(new SourceLocation(4, 1, 4, 18), "sent by requests.get"),
            ],
        };
        using var sarif = SarifOutput.Write(new InMemorySources().Add("leak.py", Flow), TestRules.File("leak.py", finding));
        var flow = sarif.Results.Single().GetProperty("codeFlows").EnumerateArray().Single();
        var steps = flow.At("threadFlows", "0", "locations").EnumerateArray().ToList();
        steps.Select(s => s.Str("location", "message", "text")).ShouldBe(["secret read from os.environ", "joined into the URL", "sent by requests.get"]);
        steps.Select(s => s.Int("location", "physicalLocation", "region", "startLine")).ShouldBe([2, 3, 4]);
        steps.ShouldAllBe(s => s.Str("location", "physicalLocation", "artifactLocation", "uri") == "leak.py");
    }

    [Fact]
    public void Messages_cannot_smuggle_bidirectional_controls_into_a_viewer()
    {
        var finding = TestRules.Finding(TestRules.Eval, 1, 1, 1, 2, "name 'ad\u202Emin' is evaluated");
        using var sarif = SarifOutput.Write(new InMemorySources().Add("a.py", "x\n"), TestRules.File("a.py", finding));
        sarif.Results.Single().Str("message", "text").ShouldBe("name 'ad\\u202emin' is evaluated");
    }

    [Fact]
    public void The_same_scan_gives_the_same_bytes()
    {
        var sources = new InMemorySources().Add("run.py", Code);
        var file = TestRules.File("run.py", TestRules.Finding(TestRules.Import, 1, 1, 1, 10), TestRules.Finding(TestRules.Eval, 4, 12, 4, 21));
        using var first = SarifOutput.Write(sources, file);
        using var second = SarifOutput.Write(sources, file);
        second.Bytes.ShouldBe(first.Bytes);
    }
}
