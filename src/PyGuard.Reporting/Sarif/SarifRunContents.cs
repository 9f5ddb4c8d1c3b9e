using Microsoft.CodeAnalysis.Sarif;
using PyGuard.Engine.Model;

namespace PyGuard.Reporting.Sarif;

/// <summary>
/// A scan turned into the parts of a SARIF run: one artifact per scanned file, one result per finding
/// (less those the baseline already knows), and the execution notifications of files that could not be
/// fully analysed.
/// </summary>
internal sealed class SarifRunContents
{
    private readonly ArtifactUris _uris;
    private readonly SarifResultFactory _factory;
    private readonly ISourceFiles _sources;
    private readonly SarifBaseline.Matcher? _baseline;
    private readonly Dictionary<ArtifactUri, int> _artifactIndexes = [];

    private SarifRunContents(ArtifactUris uris, SarifResultFactory factory, ISourceFiles sources, SarifBaseline.Matcher? baseline)
    {
        _uris = uris;
        _factory = factory;
        _sources = sources;
        _baseline = baseline;
    }

    public List<Artifact> Artifacts { get; } = [];

    public List<Notification> Notifications { get; } = [];

    /// <summary>The results to write, in scan order.</summary>
    public List<RankedResult> Results { get; } = [];

    public int BaselineMatches { get; private set; }

    public static SarifRunContents Collect(ScanReport report, ArtifactUris uris, SarifResultFactory factory, ISourceFiles sources, SarifBaseline? baseline)
    {
        var contents = new SarifRunContents(uris, factory, sources, baseline?.CreateMatcher());
        foreach (var file in report.Files)
        {
            contents.Add(file);
        }

        return contents;
    }

    public static ArtifactLocation LocationOf(ArtifactUri uri, int index = -1) => new()
    {
        Uri = new Uri(uri.Uri, uri.IsRelative ? UriKind.Relative : UriKind.Absolute),
        UriBaseId = uri.BaseId,
        Index = index,
    };

    private void Add(FileScanResult file)
    {
        var uri = _uris.Locate(file.Path);
        if (!_artifactIndexes.TryGetValue(uri, out var index))
        {
            index = Artifacts.Count;
            _artifactIndexes[uri] = index;
            Artifacts.Add(ArtifactOf(file, LocationOf(uri)));
        }

        if (file.Findings.IsDefaultOrEmpty)
        {
            return;
        }

        var reference = LocationOf(uri, index);
        var hashes = FileFingerprints.For(file.Path, file.Findings.Select(f => PrimaryLine(f.Location)), _sources);
        foreach (var finding in file.Findings)
        {
            var lineHash = hashes[PrimaryLine(finding.Location)];
            var result = _factory.Create(file.Path, reference, finding, lineHash);
            if (ExecutionNotifications.For(file.Path, finding, result.Locations[0], result.RuleIndex) is { } notification)
            {
                Notifications.Add(notification);
            }

            if (_baseline is not null)
            {
                if (_baseline.TryTake(new SarifBaseline.ResultIdentity(finding.RuleId, uri.BaseId ?? string.Empty, uri.Uri, lineHash)))
                {
                    BaselineMatches++;
                    continue;
                }

                result.BaselineState = BaselineState.New;
            }

            Results.Add(new RankedResult(result, finding, Results.Count));
        }
    }

    /// <summary>The line a result's fingerprint is taken from (its first line, made valid).</summary>
    private static int PrimaryLine(SourceLocation location) => Math.Max(1, location.Line);

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
