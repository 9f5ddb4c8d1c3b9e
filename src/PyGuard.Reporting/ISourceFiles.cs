namespace PyGuard.Reporting;

/// <summary>
/// Gives reports a scanned file's lines and its bytes as they are on disk. SARIF needs both: lines to
/// express columns in UTF-16 code units, bytes to compute fingerprints as GitHub computes them.
/// </summary>
public interface ISourceFiles : ISourceLines
{
    /// <summary>The file's bytes (for <c>&lt;stdin&gt;</c>, what was read from standard input), or null when unreadable.</summary>
    byte[]? GetBytes(string path);
}
