using System.Text.Json;
using Shouldly;
using Xunit;

namespace PyGuard.Cli.Tests.Run;

/// <summary>
/// <c>pyguard run</c> through the whole program: the real scanner with the agent policy decides, the real
/// executor runs. These are the paths an agent framework takes.
/// </summary>
public sealed class RunEndToEndTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Harmless_code_is_scanned_allowed_and_run()
    {
        RunEnvironment.RequireExecutor();
        var script = _directory.Write("job.py", "import json\nprint(json.dumps({'total': sum(range(10))}))\n");

        var result = CliRunner.Run("run", script, "--format", "json");

        result.ExitCode.ShouldBe(0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("verdict").GetString().ShouldBe("allow");
        json.RootElement.GetProperty("executed").GetBoolean().ShouldBeTrue();
        json.RootElement.GetProperty("stdout").GetString().ShouldBe("{\"total\": 45}\n");
        json.RootElement.GetProperty("isolation").EnumerateArray().Select(e => e.GetString()).ShouldContain("network-namespace");
    }

    [Fact]
    public void Hostile_code_is_refused_and_never_runs()
    {
        var marker = Path.Combine(_directory.Path, "ran");
        var script = _directory.Write("job.py", $"import os\nos.system('touch {marker}')\n");

        var result = CliRunner.Run("run", script, "--format", "json");

        result.ExitCode.ShouldBe(1);
        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("verdict").GetString().ShouldBe("block");
        json.RootElement.GetProperty("executed").GetBoolean().ShouldBeFalse();
        json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("category").GetString()).ShouldContain("exec");
        File.Exists(marker).ShouldBeFalse();
    }

    [Fact]
    public void A_suppression_comment_in_the_code_does_not_open_the_gate()
    {
        var marker = Path.Combine(_directory.Path, "ran");
        var script = _directory.Write("job.py", $"import os\nos.system('touch {marker}')  # pyguard: ignore\n");

        var result = CliRunner.Run("run", script);

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("not run");
        File.Exists(marker).ShouldBeFalse();
    }

    [Fact]
    public void A_policy_file_beside_the_code_is_not_used_by_the_gate()
    {
        // The code under test could have written it; only --policy chooses the gate's policy.
        _directory.Write("pyguard.toml", "honour-suppressions = true\nreview-score = 101\nblock-score = 101\n[rules]\nPG201 = \"off\"\nPG203 = \"off\"\nPG101 = \"off\"\n");
        var script = _directory.Write("job.py", "import subprocess\nsubprocess.run('id', shell=True)\n");

        var result = CliRunner.Run("run", script);

        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("not run");
    }

    [Fact]
    public void An_infinite_loop_that_the_gate_lets_through_for_review_is_stopped_by_the_timeout()
    {
        RunEnvironment.RequireExecutor();
        var script = _directory.Write("job.py", "import sys\nn = int(sys.argv[0] != '')\nwhile n:\n    n += 1\n");

        var result = CliRunner.Run("run", script, "--allow-review", "--timeout", "2", "--format", "json");

        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.GetProperty("executed").GetBoolean().ShouldBeTrue(result.Stderr);
        result.ExitCode.ShouldBe(124);
        json.RootElement.GetProperty("stoppedBy").GetString().ShouldBeOneOf("timeout", "cpu");
    }

    [Fact]
    public void A_missing_file_is_a_usage_error()
    {
        var result = CliRunner.Run("run", Path.Combine(_directory.Path, "missing.py"));

        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.Trim().Split('\n').Length.ShouldBe(1);
    }
}
