using System.Globalization;
using Microsoft.CodeAnalysis.Sarif;
using PyGuard.Engine.Model;

namespace PyGuard.Reporting.Sarif;

/// <summary>
/// The SARIF 2.1.0 report, built on the SARIF SDK's object model, for GitHub code scanning and other
/// SARIF viewers: one run, every rule described, one result per finding (suppressed ones included, with
/// their suppression), each with a GitHub-compatible fingerprint. docs/sarif.md describes the output.
/// </summary>
public static class SarifReport
{
    /// <summary>The category GitHub files the analysis under unless the upload names another.</summary>
    public const string AutomationId = "pyguard/";

    private static readonly Uri SchemaUri = new("https://json.schemastore.org/sarif-2.1.0.json");

    public static SarifWriteSummary Write(ScanReport report, SarifReportOptions options, Stream output)
    {
        var notices = new List<string>();
        var limits = options.Limits;
        var rules = new SarifRules(options.Rules.Concat(report.Files.SelectMany(f => f.Findings).Select(f => f.Rule)), limits.MaxTagsPerRule, notices);
        var uris = new ArtifactUris(options.RootDirectory);
        var factory = new SarifResultFactory(rules, options.Sources, limits.MaxThreadFlowLocations);
        var contents = SarifRunContents.Collect(report, uris, factory, options.Sources, options.Baseline);
        if (factory.ShortenedFlows > 0)
        {
            notices.Add(string.Create(CultureInfo.InvariantCulture,
                $"{factory.ShortenedFlows} code flows had more than the {limits.MaxThreadFlowLocations} steps GitHub accepts; kept the first {limits.MaxThreadFlowLocations - 1} and the last step of each"));
        }

        var root = SarifRunContents.LocationOf(new ArtifactUri(uris.Root, null));
        var run = new Run
        {
            Tool = new Tool
            {
                Driver = new ToolComponent
                {
                    Name = ToolInformation.Name,
                    SemanticVersion = ToolInformation.SemanticVersion,
                    InformationUri = ToolInformation.InformationUri,
                    Rules = rules.Descriptors,
                },
            },
            Invocations =
            [
                new Invocation
                {
                    // The scan finished (exit code 0 or 1); files it could not analyse are error notifications.
                    ExecutionSuccessful = true,
                    ToolExecutionNotifications = contents.Notifications.Count > 0 ? contents.Notifications : null,
                    WorkingDirectory = root,
                },
            ],
            AutomationDetails = new RunAutomationDetails { Id = AutomationId },
            OriginalUriBaseIds = new Dictionary<string, ArtifactLocation> { [ArtifactUris.SourceRootId] = root },
            Artifacts = contents.Artifacts,
            ColumnKind = ColumnKind.Utf16CodeUnits,
            DefaultSourceLanguage = "python",
        };
        run.SetProperty("verdict", report.Verdict.ToName());
        if (options.PolicyName is { } policy)
        {
            run.SetProperty("policy", policy);
        }

        var log = new SarifLog { SchemaUri = SchemaUri, Version = SarifVersion.Current, Runs = [run] };
        var written = new LogSizer(log, run, ResultRanking.MostSevereFirst(contents.Results), limits, notices).Fit();
        output.Write(written.Bytes.Span);
        return new SarifWriteSummary(written.Results, contents.BaselineMatches, notices);
    }
}
