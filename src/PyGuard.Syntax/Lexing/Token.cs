using PyGuard.Syntax.Text;

namespace PyGuard.Syntax.Lexing;

/// <summary>
/// One token: its kind and its extent in the decoded text. Twelve bytes and no references, so the parser
/// keeps tokens in a plain array; text and values are read from the source only when a node needs them.
/// </summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End)
{
    public TextSpan Span => new(Start, End);

    /// <summary>For a STRING token: the text between its quotes (after the prefix).</summary>
    public (int Start, int End) StringBody(string text)
    {
        var quote = Start;
        while (text[quote] is not ('\'' or '"'))
        {
            quote++;
        }

        var triple = End - quote >= 6 && text[quote + 1] == text[quote] && text[quote + 2] == text[quote];
        var quotes = triple ? 3 : 1;
        return (quote + quotes, End - quotes);
    }

    public override string ToString() => $"{Kind}[{Start}..{End})";
}
