using System.Text.Json;
using Shouldly;
using Xunit;

namespace PyGuard.Cli.Tests;

public sealed class ScanCommandTests
{
    private const string Hostile = "import os\nos.system('rm -rf /')\n";
    private const string Benign = "import json\nprint(json.dumps({'a': 1}))\n";

    [Fact]
    public void HostileStandardInputIsBlockedWithExitCodeOne()
    {
        var result = CliRunner.RunWithInput(Hostile, "scan", "-");
        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldContain("<stdin>:2:1: error PG204");
        result.Stdout.ShouldContain("Verdict: block");
        result.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public void BenignFileIsAllowedWithExitCodeZero()
    {
        using var directory = new TempDirectory();
        var file = directory.Write("ok.py", Benign);
        var result = CliRunner.Run("scan", file);
        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldContain("allow (score 0, 0 findings)");
    }

    [Fact]
    public void ReviewVerdictAlsoExitsWithOne()
    {
        CliRunner.RunWithInput("import some_unknown_pkg\n", "scan", "-").ExitCode.ShouldBe(1);
    }

    [Fact]
    public void JsonFollowsTheContract()
    {
        var result = CliRunner.RunWithInput(Hostile, "scan", "--format", "json", "-");
        result.ExitCode.ShouldBe(1);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        root.GetProperty("version").GetInt32().ShouldBe(1);
        root.GetProperty("verdict").GetString().ShouldBe("block");
        var file = root.GetProperty("files")[0];
        file.GetProperty("path").GetString().ShouldBe("<stdin>");
        file.GetProperty("verdict").GetString().ShouldBe("block");
        file.GetProperty("score").GetInt32().ShouldBeInRange(1, 100);
        var finding = file.GetProperty("findings")[0];
        finding.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["ruleId", "category", "severity", "confidence", "message", "line", "column", "endLine", "endColumn"]);
        finding.GetProperty("ruleId").GetString().ShouldBe("PG204");
        finding.GetProperty("category").GetString().ShouldBe("exec");
        finding.GetProperty("line").GetInt32().ShouldBe(2);
        finding.GetProperty("column").GetInt32().ShouldBe(1);
        finding.GetProperty("endColumn").GetInt32().ShouldBe(22);
    }

    [Fact]
    public void ColumnsCountCodePoints()
    {
        // 'é' is two UTF-8 bytes and one code point; '😀' is four bytes, two UTF-16 units and one code point.
        var result = CliRunner.RunWithInput("s = 'é😀'; eval(input())\n", "scan", "--format", "json", "-");
        using var json = JsonDocument.Parse(result.Stdout);
        var finding = json.RootElement.GetProperty("files")[0].GetProperty("findings").EnumerateArray().First(f => f.GetProperty("ruleId").GetString() == "PG201");
        finding.GetProperty("column").GetInt32().ShouldBe(11);
    }

    [Fact]
    public void FolderScanFindsPythonFilesAndSkipsVirtualEnvironments()
    {
        using var directory = new TempDirectory();
        directory.Write("pkg/a.py", Benign);
        directory.Write("pkg/sub/b.py", Hostile);
        directory.Write("pkg/notes.txt", Hostile);
        directory.Write("venv/pyvenv.cfg", "home = /usr/bin\n");
        directory.Write("venv/lib/evil.py", Hostile);
        var result = CliRunner.Run("scan", "--format", "json", directory.Path);
        using var json = JsonDocument.Parse(result.Stdout);
        var paths = json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("path").GetString()!).ToList();
        paths.Count.ShouldBe(2);
        paths.ShouldAllBe(p => p.EndsWith("a.py") || p.EndsWith("b.py"));

        var withVenv = CliRunner.Run("scan", "--format", "json", "--include-venv", directory.Path);
        JsonDocument.Parse(withVenv.Stdout).RootElement.GetProperty("files").GetArrayLength().ShouldBe(3);
    }

    [Theory]
    [InlineData("scan", "/no/such/file.py")]
    [InlineData("scan", "--format", "xml", "-")]
    [InlineData("scan", "--frobnicate", "-")]
    [InlineData("scan")]
    [InlineData("scan", "--policy", "/no/such/policy.toml", "-")]
    [InlineData("frobnicate")]
    public void UsageErrorsExitWithTwoAndOneLine(params string[] args)
    {
        var result = CliRunner.Run(args);
        result.ExitCode.ShouldBe(2);
        result.Stdout.ShouldBeEmpty();
        result.Stderr.TrimEnd('\n').ShouldNotContain("\n");
        result.Stderr.ShouldStartWith("pyguard: error: ");
    }

    [Fact]
    public void InvalidPolicyNamesFileAndLine()
    {
        using var directory = new TempDirectory();
        var policy = directory.Write("pyguard.toml", "extends = \"agent\"\n\n[rules]\nPG999x = \"off\"\n");
        var result = CliRunner.RunWithInput(Benign, "scan", "--policy", policy, "-");
        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("pyguard.toml:4:");
        result.Stderr.ShouldContain("PG999x");
    }

    [Fact]
    public void PolicyIsDiscoveredUpwardFromTheScannedPath()
    {
        using var directory = new TempDirectory();
        directory.Write("pyproject.toml", "[project]\nname = \"x\"\n\n[tool.pyguard]\nextends = \"audit\"\n");
        var file = directory.Write("src/app/main.py", "import os\nos.system('ls')  # pyguard: ignore[PG204]\n");
        CliRunner.Run("scan", file).ExitCode.ShouldBe(0);
        CliRunner.Run("scan", "--policy", "agent", file).ExitCode.ShouldBe(1);
    }

    [Fact]
    public void OutputOptionWritesTheReportToAFile()
    {
        using var directory = new TempDirectory();
        var target = Path.Combine(directory.Path, "report.json");
        var result = CliRunner.RunWithInput(Hostile, "scan", "--format", "json", "--output", target, "-");
        result.Stdout.ShouldBeEmpty();
        JsonDocument.Parse(File.ReadAllText(target)).RootElement.GetProperty("verdict").GetString().ShouldBe("block");
    }

    [Fact]
    public void UnparsableInputIsBlockedNotCrashed()
    {
        var result = CliRunner.RunWithInput("def f(:\n", "scan", "-");
        result.ExitCode.ShouldBe(1);
        result.Stdout.ShouldContain("PG901");
    }
}
