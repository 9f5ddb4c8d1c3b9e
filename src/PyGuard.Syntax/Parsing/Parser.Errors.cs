using PyGuard.Syntax.Lexing;
using PyGuard.Syntax.Text;
using PyGuard.Syntax.Tree;

namespace PyGuard.Syntax.Parsing;

internal sealed partial class Parser
{
    private static PythonSyntaxException Error(string message, int start, int end, SyntaxErrorKind kind = SyntaxErrorKind.SyntaxError) =>
        new(message, kind, start, end);

    private static PythonSyntaxException Error(string message, TextSpan span) => Error(message, span.Start, span.End);

    /// <summary>
    /// CPython's generic error. It is reported at the furthest token the parser has looked at, as CPython
    /// reports it at the last token it fetched; at an INDENT or DEDENT it is an indentation error.
    /// </summary>
    private PythonSyntaxException InvalidSyntax()
    {
        var token = _tokens[Math.Max(_furthest, _pos)];
        var (start, end) = ErrorPosition(token);
        return token.Kind switch
        {
            TokenKind.Indent => Error("unexpected indent", start, end, SyntaxErrorKind.IndentationError),
            TokenKind.Dedent => Error("unexpected unindent", start, end, SyntaxErrorKind.IndentationError),
            _ => Error("invalid syntax", start, end),
        };
    }

    /// <summary>An error CPython reports at the current token.</summary>
    private PythonSyntaxException ErrorAtCurrent(string message, SyntaxErrorKind kind = SyntaxErrorKind.SyntaxError)
    {
        var (start, end) = ErrorPosition(Peek());
        return Error(message, start, end, kind);
    }

    /// <summary>
    /// Where CPython puts an error at a token: an INDENT or DEDENT at the last character of the new
    /// line's indentation, the end of the file at the end of its last line.
    /// </summary>
    private (int Start, int End) ErrorPosition(in Token token)
    {
        if (token.Kind == TokenKind.EndOfFile || (token.Kind == TokenKind.Dedent && token.Start == _text.Length))
        {
            var last = _source.LineCount;
            var lastLine = _source.GetLineStart(last) + _source.GetLineText(last).Length;
            return (lastLine, lastLine);
        }

        if (token.Kind is TokenKind.Indent or TokenKind.Dedent)
        {
            var indentEnd = token.Kind == TokenKind.Indent ? token.End : token.Start;
            var position = indentEnd > _source.GetLineStart(_source.GetLineNumber(indentEnd)) ? indentEnd - 1 : indentEnd;
            return (position, position);
        }

        return (token.Start, token.End);
    }

    /// <summary>
    /// "expected an indented block after …": at the first token of the next line (see <see cref="ErrorPosition"/>).
    /// </summary>
    private PythonSyntaxException MissingIndentedBlock(string owner, int ownerOffset) =>
        ErrorAtCurrent($"expected an indented block after {owner} on line {LineOf(ownerOffset)}", SyntaxErrorKind.IndentationError);

    /// <summary>
    /// Inside brackets, an expression directly followed by another ("[a b]") is most likely a missing
    /// comma, and CPython says so; otherwise it is plain invalid syntax.
    /// </summary>
    private PythonSyntaxException ForgotCommaOrInvalidSyntax(Expr previous)
    {
        if (StartsExpression(Kind) && _lexer.ParenDepth > 0 && !IsNameBeforeString(previous) && !IsSoftKeyword(previous)
            && previous is not (ExprLambda or ExprIfExp or ExprNamedExpr or ExprStarred)
            && Try(ParseExpression) is { } next)
        {
            return Error("invalid syntax. Perhaps you forgot a comma?", previous.Span.Start, next.Span.End);
        }

        return InvalidSyntax();
    }

    private bool IsNameBeforeString(Expr previous) =>
        previous is ExprName && Kind is TokenKind.String or TokenKind.FStringStart or TokenKind.TStringStart;

    private bool IsSoftKeyword(Expr expression)
    {
        if (expression is not ExprName name)
        {
            return false;
        }

        var spelling = _text.AsSpan(name.Span.Start, name.Span.Length);
        return spelling is "match" or "case" or "type" or "_";
    }

    /// <summary>An expression statement followed by something that continues no statement.</summary>
    private PythonSyntaxException StatementTailError(int start, Expr expression)
    {
        if (expression is ExprName { Id: "print" or "exec" } name && name.Span.Start == start && StartsExpression(Kind)
            && Kind != TokenKind.LeftParen && Try(ParseStarExpressions) is { } arguments)
        {
            return Error($"Missing parentheses in call to '{name.Id}'. Did you mean {name.Id}(...)?", start, arguments.Span.End);
        }

        return InvalidSyntax();
    }

    /// <summary>
    /// "if x = 1:" and the like: an '=' after an expression where a value is expected reads as a
    /// mistyped comparison or walrus, and CPython says so.
    /// </summary>
    private void CheckMistypedComparison(Expr expression)
    {
        if (Kind != TokenKind.Equal || !IsBitwiseOrLevel(expression))
        {
            return;
        }

        var position = _pos;
        var value = Try(() =>
        {
            Advance();
            return ParseBitwiseOr();
        });
        if (value is not null && Kind is not (TokenKind.Equal or TokenKind.ColonEqual))
        {
            if (expression is ExprName && !IsParenthesizedAt(expression.Span.Start))
            {
                throw Error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", expression.Span.Start, value.Span.End);
            }

            if (expression is not (ExprList or ExprTuple or ExprGeneratorExp or ExprConstant { Value: null or bool }))
            {
                throw Error($"cannot assign to {ExpressionName(expression)} here. Maybe you meant '==' instead of '='?", expression.Span);
            }
        }

        _pos = position;
    }
}
