using System.Collections.Immutable;

namespace PyGuard.Engine.Model;

/// <summary>One reported problem: which rule, how severe and how sure, where, and why.</summary>
public sealed record Finding(
    RuleDescriptor Rule,
    Severity Severity,
    Confidence Confidence,
    string Message,
    SourceLocation Location)
{
    public string RuleId => Rule.Id;

    public RuleCategory Category => Rule.Category;

    /// <summary>The path data took from a source to this sink, first step first; empty for other rules.</summary>
    public ImmutableArray<FlowStep> Flow { get; init; } = [];

    /// <summary>
    /// The justification of an in-source suppression honoured by the policy (<c>audit</c> only); a
    /// suppressed finding is kept for SARIF but does not count towards score or verdict.
    /// </summary>
    public string? SuppressedBy { get; init; }

    public bool IsSuppressed => SuppressedBy is not null;
}
