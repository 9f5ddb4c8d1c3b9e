using System.Text;
using System.Text.Json;
using PyGuard.Cli.CommandLine;
using PyGuard.Cli.Commands;
using PyGuard.Engine.Model;
using Shouldly;
using Xunit;

namespace PyGuard.Cli.Tests.Run;

/// <summary><c>pyguard run</c>, run in-process against the real executor.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("pyguard-run-command-");

    private sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    private string Script(string code, string name = "job.py")
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, code);
        return path;
    }

    private static Outcome Run(ICodeScanner scanner, string stdin, params string[] args) =>
        Run((_, _) => scanner, stdin, args);

    private static Outcome Run(ScannerFactory factory, string stdin, params string[] args)
    {
        RunEnvironment.RequireExecutor();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CommandContext(new MemoryStream(Encoding.UTF8.GetBytes(stdin)), stdout, stderr);
        var code = new RunCommand(factory).Execute(args, context);
        return new Outcome(code, stdout.ToString(), stderr.ToString());
    }

    private static Outcome SkipScan(string stdin, params string[] args) =>
        Run(new FakeScanner(Verdict.Block), stdin, ["--skip-scan", .. args]);

    [Fact]
    public void The_exit_code_is_the_programs_own_and_its_output_passes_through()
    {
        var outcome = SkipScan("", Script("import sys\nprint('out')\nprint('err', file=sys.stderr)\nsys.exit(7)\n"));
        outcome.ExitCode.ShouldBe(7);
        outcome.Stdout.ShouldBe("out\n");
        outcome.Stderr.ShouldStartWith("pyguard: warning: --skip-scan");
        outcome.Stderr.ShouldContain("err\n");
        outcome.Stderr.ShouldContain("pyguard: exit 7");
        outcome.Stderr.ShouldContain("isolation: ");
    }

    [Fact]
    public void Standard_input_is_the_program()
    {
        var outcome = SkipScan("print(6 * 7)\n", "-");
        outcome.ExitCode.ShouldBe(0);
        outcome.Stdout.ShouldBe("42\n");
    }

    [Fact]
    public void A_program_stopped_by_the_timeout_exits_124()
    {
        var outcome = SkipScan("", "--timeout", "1", "--format", "json", Script("import time\ntime.sleep(60)\n"));
        outcome.ExitCode.ShouldBe(124);
        using var json = JsonDocument.Parse(outcome.Stdout);
        json.RootElement.GetProperty("stoppedBy").GetString().ShouldBe("timeout");
        json.RootElement.GetProperty("verdict").ValueKind.ShouldBe(JsonValueKind.Null);
        json.RootElement.GetProperty("executed").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void A_program_stopped_by_the_memory_limit_exits_124()
    {
        var outcome = SkipScan("", "--memory", "64", "--format", "json", Script("x = ' ' * (200 << 20)\n"));
        outcome.ExitCode.ShouldBe(124);
        using var json = JsonDocument.Parse(outcome.Stdout);
        json.RootElement.GetProperty("stoppedBy").GetString().ShouldBe("memory");
    }

    [Fact]
    public void Blocked_code_exits_1_with_its_findings_and_does_not_run()
    {
        var marker = Path.Combine(_directory.FullName, "ran.txt");
        var scanner = new FakeScanner(Verdict.Block, FakeScanner.Finding());
        var path = Script($"open({JsonSerializer.Serialize(marker)}, 'w').write('x')\n");
        var outcome = Run(scanner, "", path);
        outcome.ExitCode.ShouldBe(1);
        outcome.Stdout.ShouldBe($"{path}:2:5: error PG201 call to eval runs code built at run time\n");
        outcome.Stderr.ShouldStartWith("pyguard: not run: the verdict is block");
        File.Exists(marker).ShouldBeFalse();
    }

    [Fact]
    public void Reviewed_code_needs_allow_review()
    {
        var scanner = new FakeScanner(Verdict.Review, FakeScanner.Finding());
        var path = Script("print('reviewed')\n");
        Run(scanner, "", path).ExitCode.ShouldBe(1);
        var allowed = Run(scanner, "", "--allow-review", path);
        allowed.ExitCode.ShouldBe(0);
        allowed.Stdout.ShouldBe("reviewed\n");
        allowed.Stderr.ShouldContain("PG201");
    }

    [Fact]
    public void The_policy_value_and_the_files_directory_reach_the_scanner_factory()
    {
        string? policy = null, root = null;
        var path = Script("print(1)\n");
        Run((p, r) => { (policy, root) = (p, r); return new FakeScanner(Verdict.Allow); }, "", "--policy", "audit", path);
        policy.ShouldBe("audit");
        root.ShouldBe(_directory.FullName);
    }

    [Fact]
    public void The_json_report_can_go_to_a_file()
    {
        var report = Path.Combine(_directory.FullName, "report.json");
        var outcome = Run(new FakeScanner(Verdict.Allow), "", "--format", "json", "--output", report, Script("print('to file')\n"));
        outcome.ExitCode.ShouldBe(0);
        outcome.Stdout.ShouldBeEmpty();
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        json.RootElement.GetProperty("stdout").GetString().ShouldBe("to file\n");
        json.RootElement.GetProperty("verdict").GetString().ShouldBe("allow");
    }

    [Fact]
    public void Require_sandbox_runs_where_a_sandbox_exists() =>
        SkipScan("print('boxed')\n", "--require-sandbox", "-").Stdout.ShouldBe("boxed\n");

    [Theory]
    [InlineData("--format", "sarif")]
    [InlineData("--timeout", "soon")]
    [InlineData("--timeout", "-1")]
    [InlineData("--memory", "1")]
    [InlineData("--bogus", "x")]
    public void Bad_options_are_usage_errors(string option, string value)
    {
        RunEnvironment.RequireExecutor();
        var context = new CommandContext(new MemoryStream(), new StringWriter(), new StringWriter());
        Should.Throw<UsageException>(() => new RunCommand((_, _) => new FakeScanner(Verdict.Allow)).Execute([option, value, Script("pass")], context));
    }

    [Fact]
    public void A_missing_file_or_a_second_file_is_a_usage_error()
    {
        var context = new CommandContext(new MemoryStream(), new StringWriter(), new StringWriter());
        var command = new RunCommand((_, _) => new FakeScanner(Verdict.Allow));
        Should.Throw<UsageException>(() => command.Execute([Path.Combine(_directory.FullName, "absent.py")], context)).Message.ShouldContain("no such file");
        Should.Throw<UsageException>(() => command.Execute([], context));
        Should.Throw<UsageException>(() => command.Execute(["a.py", "b.py"], context));
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
