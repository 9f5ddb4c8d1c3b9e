using System.Text;
using System.Text.Json;
using PyGuard.Reporting.Sarif;

namespace PyGuard.Cli.Tests.Sarif;

/// <summary><c>pyguard scan --format sarif</c> and <c>--baseline</c>: output, URIs, exit codes and error lines.</summary>
public sealed class ScanSarifTests : IDisposable
{
    private const string Dangerous = "import os\n\ndef run(cmd):\n    os.system(cmd)\n";

    private readonly string _directory = Directory.CreateTempSubdirectory("pyguard-sarif-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_dangerous_file_gives_results_and_exit_code_1()
    {
        var path = Write("run.py", Dangerous);
        var (exit, stdout, stderr) = PyGuardProcess.InProcess(["scan", path, "--format", "sarif"]);
        exit.ShouldBe(1);
        stderr.ShouldBeEmpty();
        using var log = JsonDocument.Parse(stdout);
        var run = log.RootElement.GetProperty("runs")[0];
        log.RootElement.GetProperty("version").GetString().ShouldBe("2.1.0");
        var results = run.GetProperty("results").EnumerateArray().ToList();
        results.ShouldNotBeEmpty();
        results.ShouldAllBe(r => r.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!.Length > 0);
        run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength().ShouldBe(PythonScanner.BuiltInRules.Length);
        run.GetProperty("artifacts")[0].GetProperty("properties").GetProperty("verdict").GetString().ShouldBe("block");
    }

    [Fact]
    public void A_harmless_file_gives_no_results_and_exit_code_0()
    {
        var (exit, stdout, _) = PyGuardProcess.InProcess(["scan", Write("ok.py", "print(sum(range(10)))\n"), "--format", "sarif"]);
        exit.ShouldBe(0);
        using var log = JsonDocument.Parse(stdout);
        log.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void A_file_outside_the_working_directory_has_an_absolute_file_uri()
    {
        var path = Write("run.py", Dangerous);
        var (_, stdout, _) = PyGuardProcess.InProcess(["scan", path, "--format", "sarif"]);
        using var log = JsonDocument.Parse(stdout);
        var location = log.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        location.GetProperty("uri").GetString().ShouldBe("file://" + path);
        location.TryGetProperty("uriBaseId", out _).ShouldBeFalse();
    }

    [Fact]
    public void Files_under_the_working_directory_are_relative_to_srcroot()
    {
        Write("src/app.py", Dangerous);
        var (exit, stdout, stderr) = PyGuardProcess.Run(_directory, "scan", "src", "--format", "sarif");
        (exit, stderr).ShouldBe((1, string.Empty));
        using var log = JsonDocument.Parse(stdout);
        var run = log.RootElement.GetProperty("runs")[0];
        var location = run.GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        location.GetProperty("uri").GetString().ShouldBe("src/app.py");
        location.GetProperty("uriBaseId").GetString().ShouldBe("%SRCROOT%");
        run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString().ShouldBe($"file://{_directory}/");
    }

    [Fact]
    public void Standard_input_is_reported_as_stdin_with_a_fingerprint_of_what_was_read()
    {
        const string Code = "x = input()\neval(x)\n";
        var (exit, stdout, _) = PyGuardProcess.InProcess(["scan", "-", "--format", "sarif"], Code);
        exit.ShouldBe(1);
        using var log = JsonDocument.Parse(stdout);
        var result = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "PG201");
        result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe("%3Cstdin%3E");
        result.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString().ShouldBe(PrimaryLocationLineHash.ForAllLines(Code)[1]);
    }

    [Fact]
    public void A_file_that_does_not_parse_is_a_result_and_an_execution_notification()
    {
        var (exit, stdout, _) = PyGuardProcess.InProcess(["scan", Write("broken.py", "def f(:\n    pass\n"), "--format", "sarif"]);
        exit.ShouldBe(1);
        using var log = JsonDocument.Parse(stdout);
        var run = log.RootElement.GetProperty("runs")[0];
        run.GetProperty("results")[0].GetProperty("ruleId").GetString().ShouldBe("PG901");
        var invocation = run.GetProperty("invocations")[0];
        invocation.GetProperty("executionSuccessful").GetBoolean().ShouldBeTrue();
        var notification = invocation.GetProperty("toolExecutionNotifications").EnumerateArray().Single();
        notification.GetProperty("level").GetString().ShouldBe("error");
        notification.GetProperty("message").GetProperty("text").GetString().ShouldStartWith(Path.Combine(_directory, "broken.py") + ": ");
    }

    [Fact]
    public void The_output_option_writes_the_log_to_a_file_and_nothing_to_stdout()
    {
        var output = Path.Combine(_directory, "out.sarif");
        var (exit, stdout, stderr) = PyGuardProcess.InProcess(["scan", Write("run.py", Dangerous), "--format", "sarif", "--output", output]);
        (exit, stdout, stderr).ShouldBe((1, string.Empty, string.Empty));
        using var log = JsonDocument.Parse(File.ReadAllBytes(output));
        log.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void A_baseline_hides_known_results_even_after_lines_are_inserted_above_them()
    {
        var path = Write("run.py", Dangerous);
        var baseline = Path.Combine(_directory, "baseline.sarif");
        PyGuardProcess.InProcess(["scan", path, "--format", "sarif", "--output", baseline]).Exit.ShouldBe(1);

        File.WriteAllText(path, "import subprocess\nsubprocess.run(['id'])\n\n" + Dangerous);
        var (exit, stdout, stderr) = PyGuardProcess.InProcess(["scan", path, "--format", "sarif", "--baseline", baseline]);
        exit.ShouldBe(1, "the exit code still follows the verdicts, as the contract says");
        stderr.ShouldBeEmpty();
        using var log = JsonDocument.Parse(stdout);
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        results.ShouldNotBeEmpty();
        results.ShouldAllBe(r => r.GetProperty("baselineState").GetString() == "new");
        results.ShouldAllBe(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() <= 2);
    }

    [Fact]
    public void The_same_scan_against_its_own_baseline_reports_nothing()
    {
        var path = Write("run.py", Dangerous);
        var baseline = Path.Combine(_directory, "baseline.sarif");
        PyGuardProcess.InProcess(["scan", path, "--format", "sarif", "--output", baseline]);
        var (_, stdout, _) = PyGuardProcess.InProcess(["scan", path, "--format", "sarif", "--baseline", baseline]);
        using var log = JsonDocument.Parse(stdout);
        log.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void A_baseline_without_sarif_format_is_a_usage_error()
    {
        var baseline = Write("baseline.sarif", "{}");
        var (exit, stdout, stderr) = PyGuardProcess.InProcess(["scan", Write("run.py", Dangerous), "--format", "json", "--baseline", baseline]);
        (exit, stdout, stderr).ShouldBe((2, string.Empty, "pyguard: error: --baseline needs --format sarif\n"));
    }

    [Fact]
    public void A_missing_baseline_is_a_usage_error_in_one_line()
    {
        var missing = Path.Combine(_directory, "missing.sarif");
        var (exit, stdout, stderr) = PyGuardProcess.InProcess(["scan", Write("run.py", Dangerous), "--format", "sarif", "--baseline", missing]);
        (exit, stdout, stderr).ShouldBe((2, string.Empty, $"pyguard: error: no such baseline: '{missing}'\n"));
    }

    [Theory]
    [InlineData("{ not json", "not JSON")]
    [InlineData("{\"version\": \"2.1.0\"}", "not a SARIF 2.1.0 log (no \"runs\" array)")]
    public void An_invalid_baseline_is_a_usage_error_in_one_line(string content, string reason)
    {
        var baseline = Write("bad.sarif", content);
        var (exit, stdout, stderr) = PyGuardProcess.InProcess(["scan", Write("run.py", Dangerous), "--format", "sarif", "--baseline", baseline]);
        exit.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.ShouldStartWith($"pyguard: error: invalid baseline '{baseline}': {reason}");
        stderr.TrimEnd('\n').ShouldNotContain("\n");
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
