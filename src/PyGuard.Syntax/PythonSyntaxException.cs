namespace PyGuard.Syntax;

/// <summary>
/// Unwinds the lexer or parser to <see cref="PythonParser"/>, which turns it into a
/// <see cref="PythonSyntaxError"/>. Thrown once per failed parse, never for control flow on valid input.
/// <see cref="Start"/> is the text offset CPython's <c>offset</c> points at and <see cref="End"/> its
/// <c>end_offset</c>; both are -1 for errors about the file as a whole.
/// </summary>
internal sealed class PythonSyntaxException(string message, SyntaxErrorKind kind, int start, int end) : Exception(message)
{
    public SyntaxErrorKind Kind { get; } = kind;

    public int Start { get; } = start;

    public int End { get; } = end;

    /// <summary>Raised by the tokenizer rather than the parser; CPython lets such errors override a parser error.</summary>
    public bool FromTokenizer { get; init; }

    /// <summary>
    /// A tokenizer error CPython signals through its status code rather than by raising (bad dedent,
    /// inconsistent tabs, too deep, a stray character after ''): met while reading past a parser error,
    /// it does not replace that error.
    /// </summary>
    public bool YieldsToParserError { get; init; }

    /// <summary>For errors found before the text exists (decoding): the 1-based line and column to report.</summary>
    public (int Line, int Column)? FixedPosition { get; init; }
}
