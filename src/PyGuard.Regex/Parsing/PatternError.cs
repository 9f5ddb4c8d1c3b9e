namespace PyGuard.Regex.Parsing;

/// <summary>
/// Raised inside the parser to stop at the first error, as sre_parse does. <see cref="DetectedAt"/> is
/// where sre_parse notices it (not always where it reports it: an unterminated group is noticed at the end
/// but reported at its opening parenthesis), which decides which of two errors CPython shows.
/// Never leaves <see cref="RegexParser"/>.
/// </summary>
internal sealed class PatternError(string message, int? position, int detectedAt) : Exception(message)
{
    public int? Position { get; } = position;

    public int DetectedAt { get; } = detectedAt;
}
