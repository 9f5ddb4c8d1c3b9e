using System.Collections.Immutable;
using PyGuard.Engine.Model;

namespace PyGuard.Cli.Tests.Run;

/// <summary>A scanner that returns a fixed verdict and findings, and counts its calls.</summary>
internal sealed class FakeScanner(Verdict verdict, params Finding[] findings) : ICodeScanner
{
    public static readonly RuleDescriptor ShellRule = new(
        "PG201", "Call to eval or exec", "call to {0} runs code built at run time", RuleCategory.Exec, Severity.Error,
        Confidence.High, 9.0, [95], new RuleHelp("Flags eval/exec.", "Runs arbitrary code.", "eval(x)", "Parse the data instead."));

    public int Scans { get; private set; }

    public string? LastPath { get; private set; }

    public static Finding Finding(string message = "call to eval runs code built at run time") =>
        new(ShellRule, Severity.Error, Confidence.High, message, new SourceLocation(2, 5, 2, 17));

    public FileScanResult Scan(ReadOnlyMemory<byte> source, string path)
    {
        Scans++;
        LastPath = path;
        return new FileScanResult(path, verdict, verdict == Verdict.Allow ? 0 : 90, [.. findings]);
    }

    public FileScanResult Scan(string source, string path) => Scan(System.Text.Encoding.UTF8.GetBytes(source), path);
}
