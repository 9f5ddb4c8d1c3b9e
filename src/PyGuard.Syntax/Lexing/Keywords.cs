namespace PyGuard.Syntax.Lexing;

/// <summary>The hard keywords of Python 3.13. Only ASCII spellings are keywords: CPython compares the raw name.</summary>
internal static class Keywords
{
    public static TokenKind Classify(ReadOnlySpan<char> name) => name switch
    {
        "False" => TokenKind.False,
        "None" => TokenKind.None,
        "True" => TokenKind.True,
        "and" => TokenKind.And,
        "as" => TokenKind.As,
        "assert" => TokenKind.Assert,
        "async" => TokenKind.Async,
        "await" => TokenKind.Await,
        "break" => TokenKind.Break,
        "class" => TokenKind.Class,
        "continue" => TokenKind.Continue,
        "def" => TokenKind.Def,
        "del" => TokenKind.Del,
        "elif" => TokenKind.Elif,
        "else" => TokenKind.Else,
        "except" => TokenKind.Except,
        "finally" => TokenKind.Finally,
        "for" => TokenKind.For,
        "from" => TokenKind.From,
        "global" => TokenKind.Global,
        "if" => TokenKind.If,
        "import" => TokenKind.Import,
        "in" => TokenKind.In,
        "is" => TokenKind.Is,
        "lambda" => TokenKind.Lambda,
        "nonlocal" => TokenKind.Nonlocal,
        "not" => TokenKind.Not,
        "or" => TokenKind.Or,
        "pass" => TokenKind.Pass,
        "raise" => TokenKind.Raise,
        "return" => TokenKind.Return,
        "try" => TokenKind.Try,
        "while" => TokenKind.While,
        "with" => TokenKind.With,
        "yield" => TokenKind.Yield,
        _ => TokenKind.Name,
    };

    /// <summary>The spelling of a keyword or operator kind, for error messages.</summary>
    public static string Spelling(TokenKind kind) => kind switch
    {
        TokenKind.LeftParen => "(",
        TokenKind.RightParen => ")",
        TokenKind.LeftBracket => "[",
        TokenKind.RightBracket => "]",
        TokenKind.LeftBrace => "{",
        TokenKind.RightBrace => "}",
        TokenKind.Colon => ":",
        TokenKind.Comma => ",",
        TokenKind.Semicolon => ";",
        TokenKind.Equal => "=",
        TokenKind.Dot => ".",
        TokenKind.Arrow => "->",
        TokenKind.ColonEqual => ":=",
        TokenKind.Exclamation => "!",
        TokenKind.False or TokenKind.None or TokenKind.True => kind.ToString(),
        _ when kind > TokenKind.True => kind.ToString().ToLowerInvariant(),
        _ => kind.ToString(),
    };
}
