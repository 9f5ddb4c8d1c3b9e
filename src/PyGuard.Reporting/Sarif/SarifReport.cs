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
        var matcher = options.Baseline?.CreateMatcher();
        var artifacts = new List<Artifact>();
        var artifactIndexes = new Dictionary<ArtifactUri, int>();
        var notifications = new List<Notification>();
        var candidates = new List<RankedResult>();
        var baselineMatches = 0;

        foreach (var file in report.Files)
        {
            var uri = uris.Locate(file.Path);
            if (!artifactIndexes.TryGetValue(uri, out var index))
            {
                index = artifacts.Count;
                artifactIndexes[uri] = index;
                artifacts.Add(ArtifactOf(file, LocationOf(uri)));
            }

            if (file.Findings.IsDefaultOrEmpty)
            {
                continue;
            }

            var reference = LocationOf(uri, index);
            var hashes = FileFingerprints.For(file.Path, file.Findings.Select(f => PrimaryLine(f.Location)), options.Sources);
            foreach (var finding in file.Findings)
            {
                var lineHash = hashes[PrimaryLine(finding.Location)];
                var result = factory.Create(file.Path, reference, finding, lineHash);
                if (ExecutionNotifications.For(file.Path, finding, result.Locations[0], result.RuleIndex) is { } notification)
                {
                    notifications.Add(notification);
                }

                if (matcher is not null)
                {
                    if (matcher.TryTake(new SarifBaseline.ResultIdentity(finding.RuleId, uri.BaseId ?? string.Empty, uri.Uri, lineHash)))
                    {
                        baselineMatches++;
                        continue;
                    }

                    result.BaselineState = BaselineState.New;
                }

                candidates.Add(new RankedResult(result, finding, candidates.Count));
            }
        }

        if (factory.ShortenedFlows > 0)
        {
            notices.Add(string.Create(CultureInfo.InvariantCulture,
                $"{factory.ShortenedFlows} code flows had more than the {limits.MaxThreadFlowLocations} steps GitHub accepts; kept the first {limits.MaxThreadFlowLocations - 1} and the last step of each"));
        }

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
                    ToolExecutionNotifications = notifications.Count > 0 ? notifications : null,
                    WorkingDirectory = LocationOf(new ArtifactUri(uris.Root, null)),
                },
            ],
            AutomationDetails = new RunAutomationDetails { Id = AutomationId },
            OriginalUriBaseIds = new Dictionary<string, ArtifactLocation> { [ArtifactUris.SourceRootId] = LocationOf(new ArtifactUri(uris.Root, null)) },
            Artifacts = artifacts,
            ColumnKind = ColumnKind.Utf16CodeUnits,
            DefaultSourceLanguage = "python",
        };
        run.SetProperty("verdict", report.Verdict.ToName());
        if (options.PolicyName is { } policy)
        {
            run.SetProperty("policy", policy);
        }

        var log = new SarifLog { SchemaUri = SchemaUri, Version = SarifVersion.Current, Runs = [run] };
        var written = new LogSizer(log, run, ResultRanking.MostSevereFirst(candidates), limits, notices).Fit();
        output.Write(written.Bytes);
        return new SarifWriteSummary(written.Results, baselineMatches, notices);
    }

    /// <summary>The line a result's fingerprint is taken from (its first line, made valid).</summary>
    private static int PrimaryLine(SourceLocation location) => Math.Max(1, location.Line);

    private static ArtifactLocation LocationOf(ArtifactUri uri, int index = -1) => new()
    {
        Uri = new Uri(uri.Uri, uri.IsRelative ? UriKind.Relative : UriKind.Absolute),
        UriBaseId = uri.BaseId,
        Index = index,
    };

    private static Artifact ArtifactOf(FileScanResult file, ArtifactLocation location)
    {
        var artifact = new Artifact
        {
            Location = location,
            SourceLanguage = "python",
            Description = file.Path == ArtifactUris.StandardInputPath ? new Message { Text = "standard input" } : null,
        };
        artifact.SetProperty("verdict", file.Verdict.ToName());
        artifact.SetProperty("score", file.Score);
        artifact.SetProperty("parsed", file.Parsed);
        return artifact;
    }
}
