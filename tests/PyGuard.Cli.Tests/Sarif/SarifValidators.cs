using System.Diagnostics;

namespace PyGuard.Cli.Tests.Sarif;

/// <summary>
/// The Microsoft SARIF multitool (with GitHub's ingestion rules) and ajv (against the SARIF 2.1.0 schema
/// the multitool ships), installed into .tools/ by .ci/setup.d/npm-tools.sh. In CI (CI=true) a missing
/// tool fails the test; elsewhere the test is skipped.
/// </summary>
internal sealed class SarifValidators
{
    private const string InstallHint = "run: bash .ci/setup.d/npm-tools.sh";

    private readonly string _multitool;
    private readonly string _ajv;
    private readonly string _schema;

    private SarifValidators(string modules)
    {
        _multitool = Path.Combine(modules, "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");
        _ajv = Path.Combine(modules, "ajv-cli", "dist", "index.js");
        _schema = Path.Combine(modules, "@microsoft", "sarif-multitool-linux", "sarif-2.1.0.json");
    }

    public static SarifValidators Require()
    {
        var validators = new SarifValidators(Path.Combine(PyGuardProcess.RepositoryRoot(), ".tools", "node_modules"));
        var missing = new[] { validators._multitool, validators._ajv, validators._schema }.FirstOrDefault(path => !File.Exists(path));
        if (missing is not null)
        {
            var message = $"{missing} is missing; {InstallHint}";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message);
            }

            Assert.Skip(message);
        }

        return validators;
    }

    /// <summary>
    /// The multitool's error lines (it exits 0 whatever it finds, so its output is read) and ajv's
    /// complaints, empty when the log is valid for both.
    /// </summary>
    public IReadOnlyList<string> Problems(string sarifPath)
    {
        var problems = new List<string>();
        var (_, multitoolOutput) = Run(_multitool, "validate", sarifPath, "--rule-kind", "Sarif;Ghas", "--level", "Error;Warning");
        problems.AddRange(multitoolOutput.Split('\n').Where(line => line.Contains(": error ", StringComparison.Ordinal)));

        // ajv-cli picks its parser by extension, and .sarif is not one it knows.
        var json = Path.ChangeExtension(sarifPath, ".json");
        File.Copy(sarifPath, json, overwrite: true);
        var (ajvExit, ajvOutput) = Run("node", _ajv, "validate", "--spec=draft2020", "--all-errors", "-c", "ajv-formats", "-s", _schema, "-d", json);
        if (ajvExit != 0)
        {
            problems.Add("ajv: " + ajvOutput);
        }

        return problems;
    }

    private static (int Exit, string Output) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        args.ToList().ForEach(start.ArgumentList.Add);

        // ajv resolves ajv-formats from the working directory's node_modules.
        start.WorkingDirectory = Path.Combine(PyGuardProcess.RepositoryRoot(), ".tools");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
