namespace PyGuard.Reporting;

/// <summary>Gives reports the text of a line of a scanned file, for the excerpts under each finding.</summary>
public interface ISourceLines
{
    /// <summary>The 1-based line of the file at <paramref name="path"/>, without its line ending, or null.</summary>
    string? GetLine(string path, int line);
}

/// <summary>No excerpts.</summary>
public sealed class NoSourceLines : ISourceLines
{
    public static readonly NoSourceLines Instance = new();

    public string? GetLine(string path, int line) => null;
}
