namespace PyGuard.Engine.Model;

/// <summary>
/// Where a finding is: 1-based lines and 1-based columns counted in Unicode code points, end exclusive
/// (the contract's JSON and SARIF's default <c>unicodeCodePoints</c> column kind).
/// </summary>
public readonly record struct SourceLocation(int Line, int Column, int EndLine, int EndColumn)
{
    public override string ToString() => $"{Line}:{Column}-{EndLine}:{EndColumn}";
}

/// <summary>One step of a data flow from a source to a sink, for taint findings (SARIF code flows).</summary>
public sealed record FlowStep(SourceLocation Location, string Message);
