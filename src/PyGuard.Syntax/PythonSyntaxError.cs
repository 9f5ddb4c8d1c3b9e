namespace PyGuard.Syntax;

/// <summary>The Python exception class a parse failure corresponds to in CPython 3.13.</summary>
public enum SyntaxErrorKind
{
    SyntaxError,
    IndentationError,
    TabError,

    /// <summary>The tree is deeper than <see cref="ParseOptions.MaxTreeDepth"/> (CPython: "maximum recursion depth exceeded during ast construction").</summary>
    RecursionError,

    /// <summary>The source nests beyond the parser's bound (CPython: "Parser stack overflowed - Python source too complex to parse").</summary>
    MemoryError,
}

/// <summary>
/// Why a source could not be parsed, worded as CPython 3.13 words it. <see cref="Line"/> and
/// <see cref="Column"/> are 1-based, the column counting Unicode code points like CPython's
/// <c>SyntaxError.offset</c>. Errors about the file as a whole (an unknown coding cookie, null bytes) point
/// at line 1, column 1 and have no <see cref="Offset"/>.
/// </summary>
public sealed record PythonSyntaxError(
    string Message,
    SyntaxErrorKind Kind,
    int Line,
    int Column,
    int? EndLine = null,
    int? EndColumn = null,
    int? Offset = null)
{
    /// <summary>CPython's exception class name: SyntaxError, IndentationError, TabError...</summary>
    public string KindName => Kind.ToString();

    public override string ToString() => $"{Line}:{Column}: {KindName}: {Message}";
}
