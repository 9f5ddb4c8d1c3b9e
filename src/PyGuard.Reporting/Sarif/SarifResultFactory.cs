using Microsoft.CodeAnalysis.Sarif;
using PyGuard.Engine.Model;

namespace PyGuard.Reporting.Sarif;

/// <summary>One finding as a SARIF result: rule, level, message, location, fingerprint, code flow, suppression.</summary>
internal sealed class SarifResultFactory(SarifRules rules, ISourceLines lines, int maxThreadFlowLocations)
{
    public const string LineHashKey = "primaryLocationLineHash";

    // A result's properties take one of a few dozen forms; each is serialized once rather than per result.
    private static readonly Dictionary<(Confidence, RuleCategory), PropertyBagHolder> Properties =
        Enum.GetValues<Confidence>().SelectMany(_ => Enum.GetValues<RuleCategory>(), (confidence, category) => (confidence, category))
            .ToDictionary(key => key, key =>
            {
                var holder = new Result();
                holder.SetProperty("confidence", key.confidence.ToName());
                holder.SetProperty("category", key.category.ToName());
                return (PropertyBagHolder)holder;
            });

    /// <summary>Code flows that were longer than the limit and were shortened.</summary>
    public int ShortenedFlows { get; private set; }

    public Result Create(string path, ArtifactLocation artifact, Finding finding, string lineHash)
    {
        var result = new Result
        {
            RuleId = finding.RuleId,
            RuleIndex = rules.IndexOf(finding.RuleId),
            Level = SarifLevels.Of(finding.Severity),
            Message = new Message { Text = MessageText.Sanitize(finding.Message) },
            Locations = [LocationOf(path, artifact, finding.Location)],
            PartialFingerprints = new Dictionary<string, string> { [LineHashKey] = lineHash },
        };
        result.SetPropertiesFrom(PropertiesOf(finding.Confidence, finding.Category));
        if (!finding.Flow.IsDefaultOrEmpty)
        {
            result.CodeFlows = [CodeFlowOf(path, artifact, finding.Flow)];
        }

        if (finding.SuppressedBy is { } justification)
        {
            result.Suppressions =
            [
                new Suppression { Kind = SuppressionKind.InSource, Status = SuppressionStatus.Accepted, Justification = MessageText.Sanitize(justification) },
            ];
        }

        return result;
    }

    private static PropertyBagHolder PropertiesOf(Confidence confidence, RuleCategory category) => Properties[(confidence, category)];

    public Location LocationOf(string path, ArtifactLocation artifact, SourceLocation location, string? message = null) => new()
    {
        PhysicalLocation = new PhysicalLocation { ArtifactLocation = artifact, Region = RegionOf(path, location) },
        Message = message is null ? null : new Message { Text = MessageText.Sanitize(message) },
    };

    /// <summary>The region in UTF-16 columns; a malformed location is made well-formed rather than rejected by the uploader.</summary>
    private Region RegionOf(string path, SourceLocation location)
    {
        var startLine = Math.Max(1, location.Line);
        var endLine = Math.Max(startLine, location.EndLine);
        var startText = lines.GetLine(path, startLine);
        var startColumn = Utf16Columns.FromCodePoints(startText, location.Column);
        var endColumn = Utf16Columns.FromCodePoints(endLine == startLine ? startText : lines.GetLine(path, endLine), location.EndColumn);
        if (endLine == startLine)
        {
            endColumn = Math.Max(endColumn, startColumn);
        }

        return new Region { StartLine = startLine, StartColumn = startColumn, EndLine = endLine, EndColumn = endColumn };
    }

    /// <summary>The taint path, source first. Past the limit the first steps and the sink-side last step are kept.</summary>
    private CodeFlow CodeFlowOf(string path, ArtifactLocation artifact, IReadOnlyList<FlowStep> steps)
    {
        if (steps.Count > maxThreadFlowLocations)
        {
            ShortenedFlows++;
            steps = [.. steps.Take(maxThreadFlowLocations - 1), steps[^1]];
        }

        return new CodeFlow
        {
            ThreadFlows =
            [
                new ThreadFlow
                {
                    Locations = [.. steps.Select(step => new ThreadFlowLocation { Location = LocationOf(path, artifact, step.Location, step.Message) })],
                },
            ],
        };
    }
}
