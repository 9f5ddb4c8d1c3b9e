namespace PyGuard.Engine.Model;

/// <summary>How bad a finding is if it is true; ordered so that a larger value is worse.</summary>
public enum Severity
{
    Note = 0,
    Warning = 1,
    Error = 2,
}

/// <summary>How sure the rule is that the finding is true; ordered so that a larger value is surer.</summary>
public enum Confidence
{
    Low = 0,
    Medium = 1,
    High = 2,
}

/// <summary>The gate's decision for a file; ordered so that a larger value is stricter.</summary>
public enum Verdict
{
    Allow = 0,
    Review = 1,
    Block = 2,
}

public static class ModelNames
{
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Note => "note",
        Severity.Warning => "warning",
        Severity.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };

    public static string ToName(this Confidence confidence) => confidence switch
    {
        Confidence.Low => "low",
        Confidence.Medium => "medium",
        Confidence.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(confidence)),
    };

    public static string ToName(this Verdict verdict) => verdict switch
    {
        Verdict.Allow => "allow",
        Verdict.Review => "review",
        Verdict.Block => "block",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };
}
