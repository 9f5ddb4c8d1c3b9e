namespace PyGuard.Engine.Policies;

/// <summary>An unreadable or invalid policy: the file, the 1-based line, and the reason.</summary>
public sealed class PolicyException(string path, int line, string reason)
    : Exception($"{path}:{line}: {reason}")
{
    public string PolicyPath { get; } = path;

    public int Line { get; } = line;

    public string Reason { get; } = reason;
}
