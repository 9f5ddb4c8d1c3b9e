using System.Text;
using System.Text.Json;
using PyGuard.Engine.Model;
using PyGuard.Execution;
using Shouldly;
using Xunit;

namespace PyGuard.Cli.Tests.Run;

public sealed class ExecutionGateTests
{
    private static readonly GateOptions Options = new()
    {
        Execution = new ExecutionOptions
        {
            Interpreter = Environment.GetEnvironmentVariable("PYGUARD_TEST_PYTHON"),
            Isolation = IsolationMode.Auto,
            WallTimeout = TimeSpan.FromSeconds(20),
        },
    };

    private static byte[] Writes(string path) => Encoding.UTF8.GetBytes($"open({JsonSerializer.Serialize(path)}, 'w').write('ran')\nprint('ran')\n");

    private static string Marker() => Path.Combine(Path.GetTempPath(), $"pyguard-gate-{Guid.NewGuid():N}");

    [Fact]
    public void Blocked_code_never_runs()
    {
        RunEnvironment.RequireExecutor();
        var marker = Marker();
        var scanner = new FakeScanner(Verdict.Block, FakeScanner.Finding());
        var result = new ExecutionGate(scanner).Run(Writes(marker), "job.py", Options with { AllowReview = true }, cancellationToken: TestContext.Current.CancellationToken);
        result.Decision.ShouldBe(GateDecision.RefusedBlocked);
        result.Executed.ShouldBeFalse();
        result.Execution.ShouldBeNull();
        result.Verdict.ShouldBe(Verdict.Block);
        result.Findings.Single().RuleId.ShouldBe("PG201");
        result.Refusal!.ShouldContain("block");
        File.Exists(marker).ShouldBeFalse();
    }

    [Fact]
    public void Reviewed_code_runs_only_when_allowed()
    {
        RunEnvironment.RequireExecutor();
        var scanner = new FakeScanner(Verdict.Review, FakeScanner.Finding());
        var gate = new ExecutionGate(scanner);

        var refused = gate.Run("print('hi')"u8.ToArray(), "job.py", Options, cancellationToken: TestContext.Current.CancellationToken);
        refused.Decision.ShouldBe(GateDecision.RefusedReview);
        refused.Executed.ShouldBeFalse();

        var allowed = gate.Run("print('hi')"u8.ToArray(), "job.py", Options with { AllowReview = true }, cancellationToken: TestContext.Current.CancellationToken);
        allowed.Decision.ShouldBe(GateDecision.Ran);
        allowed.Stdout.ShouldBe("hi\n");
        allowed.Verdict.ShouldBe(Verdict.Review);
        allowed.Findings.Length.ShouldBe(1);
    }

    [Fact]
    public void Allowed_code_runs_sandboxed()
    {
        RunEnvironment.RequireExecutor();
        var scanner = new FakeScanner(Verdict.Allow);
        var result = new ExecutionGate(scanner).Run("import sys\nprint(sys.argv[0])\nsys.exit(4)"u8.ToArray(), "tools/job.py", Options, cancellationToken: TestContext.Current.CancellationToken);
        result.Decision.ShouldBe(GateDecision.Ran);
        result.ExitCode.ShouldBe(4);
        result.Stdout.ShouldBe("job.py\n");
        result.Isolation.ShouldNotBeEmpty();
        scanner.LastPath.ShouldBe("tools/job.py");
    }

    [Fact]
    public void Skipping_the_scan_runs_without_asking_the_scanner()
    {
        RunEnvironment.RequireExecutor();
        var scanner = new FakeScanner(Verdict.Block, FakeScanner.Finding());
        var result = new ExecutionGate(scanner).Run("print('unscanned')"u8.ToArray(), "job.py", Options with { SkipScan = true }, cancellationToken: TestContext.Current.CancellationToken);
        scanner.Scans.ShouldBe(0);
        result.Verdict.ShouldBeNull();
        result.Stdout.ShouldBe("unscanned\n");
    }

    [Fact]
    public void A_required_sandbox_that_is_missing_refuses_allowed_code()
    {
        RunEnvironment.RequireExecutor();
        var marker = Marker();
        var options = Options with { Execution = Options.Execution with { Isolation = IsolationMode.None, RequireSandbox = true } };
        var result = new ExecutionGate(new FakeScanner(Verdict.Allow)).Run(Writes(marker), "job.py", options, TestContext.Current.CancellationToken);
        result.Decision.ShouldBe(GateDecision.RefusedNoSandbox);
        result.Executed.ShouldBeFalse();
        File.Exists(marker).ShouldBeFalse();
    }

    [Theory]
    [InlineData("job.py", "job.py")]
    [InlineData("dir/sub/job.py", "job.py")]
    [InlineData("-", "main.py")]
    [InlineData("<stdin>", "main.py")]
    public void The_script_keeps_its_file_name(string path, string expected) => ExecutionGate.ScriptName(path).ShouldBe(expected);

    [Fact]
    public void The_json_has_exactly_the_contracts_fields_in_order()
    {
        RunEnvironment.RequireExecutor();
        var result = new ExecutionGate(new FakeScanner(Verdict.Review, FakeScanner.Finding("naïve <eval>")))
            .Run("print('é')"u8.ToArray(), "job.py", Options with { AllowReview = true }, cancellationToken: TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(GateRunResultJson.ToJson(result));
        var root = document.RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["verdict", "executed", "exitCode", "stoppedBy", "durationMs", "stdout", "stderr", "stdoutTruncated", "stderrTruncated", "isolation", "findings"]);
        root.GetProperty("verdict").GetString().ShouldBe("review");
        root.GetProperty("executed").GetBoolean().ShouldBeTrue();
        root.GetProperty("exitCode").GetInt32().ShouldBe(0);
        root.GetProperty("stoppedBy").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("stdout").GetString().ShouldBe("é\n");
        root.GetProperty("isolation").EnumerateArray().Select(e => e.GetString()).ShouldBe(result.Isolation);
        var finding = root.GetProperty("findings")[0];
        finding.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["ruleId", "category", "severity", "confidence", "message", "line", "column", "endLine", "endColumn"]);
        finding.GetProperty("category").GetString().ShouldBe("exec");
        finding.GetProperty("message").GetString().ShouldBe("naïve <eval>");
        finding.GetProperty("endColumn").GetInt32().ShouldBe(17);
    }

    [Fact]
    public void A_refusal_is_json_with_executed_false_and_null_exit_code()
    {
        var result = new ExecutionGate(new FakeScanner(Verdict.Block, FakeScanner.Finding())).Run("x"u8.ToArray(), "job.py", Options, cancellationToken: TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(GateRunResultJson.ToJson(result));
        document.RootElement.GetProperty("executed").GetBoolean().ShouldBeFalse();
        document.RootElement.GetProperty("exitCode").ValueKind.ShouldBe(JsonValueKind.Null);
        document.RootElement.GetProperty("isolation").GetArrayLength().ShouldBe(0);
        document.RootElement.GetProperty("findings").GetArrayLength().ShouldBe(1);
    }
}
