namespace PyGuard.Syntax.Lexing;

internal sealed partial class Lexer
{
    /// <summary>Reads the longest operator at the position, tracking brackets and f-string fields.</summary>
    private Token ReadOperator(char c)
    {
        var start = _pos;
        var next = _pos + 1 < _length ? _text[_pos + 1] : '\0';
        var third = _pos + 2 < _length ? _text[_pos + 2] : '\0';
        TokenKind kind;
        var length = 1;
        switch (c)
        {
            case '(':
                OpenBracket('(', start);
                kind = TokenKind.LeftParen;
                break;
            case '[':
                OpenBracket('[', start);
                kind = TokenKind.LeftBracket;
                break;
            case '{':
                OpenBracket('{', start);
                kind = TokenKind.LeftBrace;
                break;
            case ')':
                CloseBracket(')', start);
                kind = TokenKind.RightParen;
                break;
            case ']':
                CloseBracket(']', start);
                kind = TokenKind.RightBracket;
                break;
            case '}':
                var closesField = InFieldExpressionAtDepth(_parenDepth);
                CloseBracket('}', start);
                if (closesField)
                {
                    PopField();
                }

                kind = TokenKind.RightBrace;
                break;
            case ':':
                if (InFieldExpressionAtDepth(_parenDepth))
                {
                    // A colon at the field's own level starts the format spec, even in ":=".
                    _fields[_fieldCount - 1].InSpec = true;
                    kind = TokenKind.Colon;
                }
                else
                {
                    (kind, length) = next == '=' ? (TokenKind.ColonEqual, 2) : (TokenKind.Colon, 1);
                }

                break;
            case ',':
                kind = TokenKind.Comma;
                break;
            case ';':
                kind = TokenKind.Semicolon;
                break;
            case '~':
                kind = TokenKind.Tilde;
                break;
            case '.':
                (kind, length) = next == '.' && third == '.' ? (TokenKind.Ellipsis, 3) : (TokenKind.Dot, 1);
                break;
            case '+':
                (kind, length) = next == '=' ? (TokenKind.PlusEqual, 2) : (TokenKind.Plus, 1);
                break;
            case '-':
                (kind, length) = next switch
                {
                    '=' => (TokenKind.MinusEqual, 2),
                    '>' => (TokenKind.Arrow, 2),
                    _ => (TokenKind.Minus, 1),
                };
                break;
            case '*':
                (kind, length) = next switch
                {
                    '*' => third == '=' ? (TokenKind.DoubleStarEqual, 3) : (TokenKind.DoubleStar, 2),
                    '=' => (TokenKind.StarEqual, 2),
                    _ => (TokenKind.Star, 1),
                };
                break;
            case '/':
                (kind, length) = next switch
                {
                    '/' => third == '=' ? (TokenKind.DoubleSlashEqual, 3) : (TokenKind.DoubleSlash, 2),
                    '=' => (TokenKind.SlashEqual, 2),
                    _ => (TokenKind.Slash, 1),
                };
                break;
            case '%':
                (kind, length) = next == '=' ? (TokenKind.PercentEqual, 2) : (TokenKind.Percent, 1);
                break;
            case '@':
                (kind, length) = next == '=' ? (TokenKind.AtEqual, 2) : (TokenKind.At, 1);
                break;
            case '&':
                (kind, length) = next == '=' ? (TokenKind.AmpersandEqual, 2) : (TokenKind.Ampersand, 1);
                break;
            case '|':
                (kind, length) = next == '=' ? (TokenKind.VerticalBarEqual, 2) : (TokenKind.VerticalBar, 1);
                break;
            case '^':
                (kind, length) = next == '=' ? (TokenKind.CircumflexEqual, 2) : (TokenKind.Circumflex, 1);
                break;
            case '=':
                (kind, length) = next == '=' ? (TokenKind.EqualEqual, 2) : (TokenKind.Equal, 1);
                break;
            case '!':
                (kind, length) = next == '=' ? (TokenKind.NotEqual, 2) : (TokenKind.Exclamation, 1);
                break;
            case '<':
                (kind, length) = next switch
                {
                    '<' => third == '=' ? (TokenKind.LeftShiftEqual, 3) : (TokenKind.LeftShift, 2),
                    '=' => (TokenKind.LessEqual, 2),
                    '>' => (TokenKind.LessGreater, 2),
                    _ => (TokenKind.Less, 1),
                };
                break;
            case '>':
                (kind, length) = next switch
                {
                    '>' => third == '=' ? (TokenKind.RightShiftEqual, 3) : (TokenKind.RightShift, 2),
                    '=' => (TokenKind.GreaterEqual, 2),
                    _ => (TokenKind.Greater, 1),
                };
                break;
            default:
                if (!Unicode.CharacterClasses.IsPrintable(c))
                {
                    throw TokenizerError($"invalid non-printable character U+{(int)c:X4}", start, start);
                }

                kind = TokenKind.Unknown;
                break;
        }

        _pos += length;
        return new Token(kind, start, _pos);
    }
}
