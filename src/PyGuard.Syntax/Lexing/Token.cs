using PyGuard.Syntax.Text;

namespace PyGuard.Syntax.Lexing;

/// <summary>
/// One token: its kind and its extent in the decoded text. Twelve bytes and no references, so the parser
/// keeps tokens in a plain array; text and values are read from the source only when a node needs them.
/// </summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End)
{
    public TextSpan Span => new(Start, End);

    public bool IsKeyword => Kind >= TokenKind.False;

    public override string ToString() => $"{Kind}[{Start}..{End})";
}
