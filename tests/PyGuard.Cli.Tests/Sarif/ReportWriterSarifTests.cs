using System.Text.Json;
using PyGuard.Cli.Commands;
using PyGuard.Cli.Output;
using PyGuard.Engine.Model;

namespace PyGuard.Cli.Tests.Sarif;

/// <summary>What the command line adds to the SARIF report: cuts for GitHub's limits are announced on stderr.</summary>
public sealed class ReportWriterSarifTests
{
    [Fact]
    public void A_cut_to_githubs_result_limit_is_a_warning_on_stderr_and_the_log_is_still_written()
    {
        var scanner = new PythonScanner();
        var rule = scanner.Rules.First(r => r.DefaultSeverity == Severity.Error);
        var findings = Enumerable.Range(1, 25_003)
            .Select(line => new Finding(rule, rule.DefaultSeverity, rule.Confidence, "finding", new SourceLocation(line, 1, line, 2)));
        var report = new ScanReport([new FileScanResult("generated.py", Verdict.Block, 100, [.. findings])]);
        var stdout = new StringWriter();
        var stderr = new StringWriter { NewLine = "\n" };

        ReportWriter.Write(report, ReportFormat.Sarif, null, null, scanner, new SourceLineCache(), new CommandContext(Stream.Null, stdout, stderr));

        stderr.ToString().ShouldBe("pyguard: warning: 25003 results are more than the 25000 per run GitHub accepts; kept the 25000 most severe\n");
        using var log = JsonDocument.Parse(stdout.ToString());
        log.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength().ShouldBe(25_000);
    }
}
