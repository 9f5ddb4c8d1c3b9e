namespace PyGuard.Regex;

/// <summary>
/// Why CPython's `re.compile` would reject a pattern: its message (as `re.error.msg`, or the text of the
/// ValueError or OverflowError it raises instead) and where (as `re.error.pos`, `lineno`, `colno`; a
/// position in code points, or bytes for a bytes pattern). <see cref="Position"/> is null for the errors
/// CPython raises without one (incompatible flags, repetition counts too large, compile-time checks).
/// </summary>
public sealed record RegexSyntaxError(string Message, int? Position, int Line, int Column)
{
    /// <summary>Whether the pattern holds a newline, which makes CPython add the line and column.</summary>
    public bool PatternHasNewline { get; init; }

    /// <summary>The text of `str(error)` in CPython: the message and, when known, where.</summary>
    public override string ToString() => Position is not { } pos
        ? Message
        : PatternHasNewline
            ? $"{Message} at position {pos} (line {Line}, column {Column})"
            : $"{Message} at position {pos}";
}
