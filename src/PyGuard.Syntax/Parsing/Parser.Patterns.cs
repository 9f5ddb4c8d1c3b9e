using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;

using PyGuard.Syntax.Lexing;
using PyGuard.Syntax.Tree;

namespace PyGuard.Syntax.Parsing;

internal sealed partial class Parser
{
    /// <summary>
    /// A match statement, if the soft keyword "match" starts one here: "match" followed by a subject and
    /// ':' commits; anything else (match = 1, match(x), match.group()) is an ordinary statement.
    /// </summary>
    private Stmt? TryParseMatch()
    {
        var next = PeekKind(1);
        if (!StartsExpression(next) && next != TokenKind.Star)
        {
            return null;
        }

        var start = CurrentStart;
        var subject = Try(ParseMatchSubject);
        if (subject is null)
        {
            return null;
        }

        Advance();
        if (Kind != TokenKind.NewLine)
        {
            throw InvalidSyntax();
        }

        Advance();
        if (Kind != TokenKind.Indent)
        {
            throw MissingIndentedBlock("'match' statement", start);
        }

        Advance();
        var mark = Mark();
        while (IsName("case") && PeekKind(1) is not (TokenKind.Equal or TokenKind.Dot or TokenKind.NewLine))
        {
            Push(ParseCase());
        }

        if (CountSince(mark) == 0 || Kind != TokenKind.Dedent)
        {
            throw InvalidSyntax();
        }

        Advance();
        return new StmtMatch(subject, PopArray<MatchCase>(mark), SpanFrom(start));
    }

    /// <summary>"match" subject ':' — the subject, positioned on the colon; fails (for speculation) otherwise.</summary>
    private Expr ParseMatchSubject()
    {
        Advance();
        var start = CurrentStart;
        var first = ParseStarNamedExpression();
        Expr subject;
        if (Kind == TokenKind.Comma)
        {
            var mark = Mark();
            Push(first);
            while (Accept(TokenKind.Comma) && Kind != TokenKind.Colon)
            {
                Push(ParseStarNamedExpression());
            }

            subject = new ExprTuple(PopArray<Expr>(mark), ExprContext.Load, SpanFrom(start));
        }
        else
        {
            if (first is ExprStarred)
            {
                throw InvalidSyntax();
            }

            subject = first;
        }

        if (Kind != TokenKind.Colon)
        {
            throw InvalidSyntax();
        }

        return subject;
    }

    private MatchCase ParseCase()
    {
        var start = Advance().Start;
        var pattern = ParsePatterns();
        var guard = Accept(TokenKind.If) ? ParseNamedExpression() : null;
        ExpectColon();
        var body = ParseBlock("'case' statement", start);
        return new MatchCase(pattern, guard, body, SpanFrom(start));
    }

    /// <summary>An open sequence ("case a, *b:") or a single pattern.</summary>
    private Pattern ParsePatterns()
    {
        var start = CurrentStart;
        var first = ParseMaybeStarPattern();
        if (Kind != TokenKind.Comma)
        {
            if (first is PatternMatchStar)
            {
                throw InvalidSyntax();
            }

            return first;
        }

        var mark = Mark();
        Push(first);
        while (Accept(TokenKind.Comma) && Kind is not (TokenKind.Colon or TokenKind.If))
        {
            Push(ParseMaybeStarPattern());
        }

        return new PatternMatchSequence(PopArray<Pattern>(mark), SpanFrom(start));
    }

    private Pattern ParseMaybeStarPattern()
    {
        if (Kind != TokenKind.Star)
        {
            return ParsePattern();
        }

        var start = Advance().Start;
        var name = ParseCaptureTarget(allowWildcard: true);
        return new PatternMatchStar(name, SpanFrom(start));
    }

    /// <summary>or_pattern ['as' capture_target]</summary>
    private Pattern ParsePattern()
    {
        Enter();
        var start = CurrentStart;
        var pattern = ParseOrPattern();
        if (Accept(TokenKind.As))
        {
            var target = Peek();
            if (target.Kind != TokenKind.Name)
            {
                throw Error("invalid pattern target", target.Start, target.End);
            }

            if (IsName("_"))
            {
                throw Error("cannot use '_' as a target", target.Start, target.End);
            }

            Advance();
            pattern = new PatternMatchAs(pattern, Identifier(target), SpanFrom(start));
        }

        Exit();
        return pattern;
    }

    private Pattern ParseOrPattern()
    {
        var start = CurrentStart;
        return ParseChain(TokenKind.VerticalBar, static p => p.ParseClosedPattern(), out var first, out var mark)
            ? new PatternMatchOr(PopArray<Pattern>(mark), SpanFrom(start))
            : first;
    }

    private Pattern ParseClosedPattern()
    {
        var start = CurrentStart;
        switch (Kind)
        {
            case TokenKind.Number or TokenKind.Minus:
                return new PatternMatchValue(ParseNumberLiteral(), SpanFrom(start));
            case TokenKind.String or TokenKind.FStringStart or TokenKind.TStringStart:
                // CPython's parser takes f-strings here too; only its compiler refuses them.
                return new PatternMatchValue(ParseStrings(), SpanFrom(start));
            case TokenKind.None or TokenKind.True or TokenKind.False:
                var singleton = KeywordConstant();
                return new PatternMatchSingleton(singleton.Value, singleton.Span);
            case TokenKind.Name:
                return ParseNamePattern();
            case TokenKind.LeftParen:
                return ParseParenthesizedPattern();
            case TokenKind.LeftBracket:
                return ParseBracketPattern();
            case TokenKind.LeftBrace:
                return ParseMappingPattern();
            default:
                throw InvalidSyntax();
        }
    }

    /// <summary>A signed number or complex literal: -1, 1.5, 1+2j, -1-2j.</summary>
    private Expr ParseNumberLiteral()
    {
        var start = CurrentStart;
        var left = ParseSignedNumber();
        if (Kind is not (TokenKind.Plus or TokenKind.Minus))
        {
            return left;
        }

        var op = Advance().Kind == TokenKind.Plus ? Operator.Add : Operator.Sub;
        var number = Peek();
        if (number.Kind != TokenKind.Number)
        {
            throw InvalidSyntax();
        }

        Advance();
        var right = new ExprConstant(NumberValue(number), null, number.Span);
        if (left is ExprConstant { Value: Complex } or ExprUnaryOp { Operand: ExprConstant { Value: Complex } })
        {
            throw Error("real number required in complex literal", left.Span);
        }

        if (right.Value is not Complex)
        {
            throw Error("imaginary number required in complex literal", right.Span);
        }

        return new ExprBinOp(left, op, right, SpanFrom(start));
    }

    private Expr ParseSignedNumber()
    {
        var start = CurrentStart;
        var negative = Accept(TokenKind.Minus);
        var number = Peek();
        if (number.Kind != TokenKind.Number)
        {
            throw InvalidSyntax();
        }

        Advance();
        Expr value = new ExprConstant(NumberValue(number), null, number.Span);
        return negative ? new ExprUnaryOp(UnaryOperator.USub, value, SpanFrom(start)) : value;
    }

    /// <summary>A capture (x), the wildcard (_), a value (a.b), or a class pattern (C(...), a.C(...)).</summary>
    private Pattern ParseNamePattern()
    {
        var start = CurrentStart;
        var first = Advance();
        Expr name = new ExprName(Identifier(first), ExprContext.Load, first.Span);
        var dotted = false;
        while (Kind == TokenKind.Dot)
        {
            Advance();
            name = new ExprAttribute(name, ExpectIdentifier(), ExprContext.Load, SpanFrom(start));
            dotted = true;
        }

        if (Kind == TokenKind.LeftParen)
        {
            return ParseClassPattern(start, name);
        }

        if (dotted)
        {
            return new PatternMatchValue(name, SpanFrom(start));
        }

        var identifier = ((ExprName)name).Id;
        return new PatternMatchAs(null, identifier == "_" && IsUnderscore(first) ? null : identifier, SpanFrom(start));
    }

    private bool IsUnderscore(in Token token) => token.End - token.Start == 1 && _text[token.Start] == '_';

    private string? ParseCaptureTarget(bool allowWildcard)
    {
        var token = Peek();
        if (token.Kind != TokenKind.Name)
        {
            throw InvalidSyntax();
        }

        Advance();
        if (IsUnderscore(token))
        {
            return allowWildcard ? null : throw Error("cannot use '_' as a target", token.Start, token.End);
        }

        return Identifier(token);
    }

    private Pattern ParseParenthesizedPattern()
    {
        var start = Advance().Start;
        if (Accept(TokenKind.RightParen))
        {
            return new PatternMatchSequence(ImmutableArray<Pattern>.Empty, SpanFrom(start));
        }

        var first = ParseMaybeStarPattern();
        if (Kind == TokenKind.RightParen && first is not PatternMatchStar)
        {
            Advance();
            return first;
        }

        var mark = Mark();
        Push(first);
        if (Kind != TokenKind.Comma)
        {
            throw InvalidSyntax();
        }

        while (Accept(TokenKind.Comma) && Kind != TokenKind.RightParen)
        {
            Push(ParseMaybeStarPattern());
        }

        Expect(TokenKind.RightParen);
        return new PatternMatchSequence(PopArray<Pattern>(mark), SpanFrom(start));
    }

    private Pattern ParseBracketPattern()
    {
        var start = Advance().Start;
        var mark = Mark();
        while (Kind != TokenKind.RightBracket)
        {
            Push(ParseMaybeStarPattern());
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        Expect(TokenKind.RightBracket);
        return new PatternMatchSequence(PopArray<Pattern>(mark), SpanFrom(start));
    }

    /// <summary>'{' (key ':' pattern ',')* ['**' target] '}' — keys and patterns alternate on the stack.</summary>
    private Pattern ParseMappingPattern()
    {
        var start = Advance().Start;
        var mark = Mark();
        string? rest = null;
        while (Kind != TokenKind.RightBrace)
        {
            if (Kind == TokenKind.DoubleStar)
            {
                Advance();
                if (IsName("_"))
                {
                    throw InvalidSyntax();
                }

                rest = ParseCaptureTarget(allowWildcard: false);
                Accept(TokenKind.Comma);
                break;
            }

            Push(ParseMappingKey());
            Expect(TokenKind.Colon);
            Push(ParsePattern());
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        Expect(TokenKind.RightBrace);
        var pairs = CountSince(mark) / 2;
        var keys = new Expr[pairs];
        var patterns = new Pattern[pairs];
        for (var i = 0; i < pairs; i++)
        {
            keys[i] = (Expr)StackAt(mark + 2 * i)!;
            patterns[i] = (Pattern)StackAt(mark + 2 * i + 1)!;
        }

        DropTo(mark);
        return new PatternMatchMapping(
            ImmutableCollectionsMarshal.AsImmutableArray(keys), ImmutableCollectionsMarshal.AsImmutableArray(patterns), rest, SpanFrom(start));
    }

    private Expr ParseMappingKey()
    {
        var token = Peek();
        switch (token.Kind)
        {
            case TokenKind.Number or TokenKind.Minus:
                return ParseNumberLiteral();
            case TokenKind.String or TokenKind.FStringStart or TokenKind.TStringStart:
                return ParseStrings();
            case TokenKind.None or TokenKind.True or TokenKind.False:
                return KeywordConstant();
            case TokenKind.Name:
                var start = token.Start;
                Advance();
                Expr name = new ExprName(Identifier(token), ExprContext.Load, token.Span);
                if (Kind != TokenKind.Dot)
                {
                    throw InvalidSyntax();
                }

                while (Accept(TokenKind.Dot))
                {
                    name = new ExprAttribute(name, ExpectIdentifier(), ExprContext.Load, SpanFrom(start));
                }

                return name;
            default:
                throw InvalidSyntax();
        }
    }

    /// <summary>cls '(' positional patterns, then NAME '=' pattern keyword patterns ')'</summary>
    private Pattern ParseClassPattern(int start, Expr cls)
    {
        Advance();
        var mark = Mark();
        ImmutableArray<string>.Builder? attributes = null;
        var keywordMark = -1;
        while (Kind != TokenKind.RightParen)
        {
            if (Kind == TokenKind.Name && PeekKind(1) == TokenKind.Equal)
            {
                var name = Identifier(Advance());
                Advance();
                if (keywordMark < 0)
                {
                    keywordMark = CountSince(mark);
                }

                (attributes ??= ImmutableArray.CreateBuilder<string>()).Add(name);
                Push(ParsePattern());
            }
            else
            {
                var pattern = ParsePattern();
                if (keywordMark >= 0)
                {
                    throw Error("positional patterns follow keyword patterns", pattern.Span);
                }

                Push(pattern);
            }

            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        Expect(TokenKind.RightParen);
        var all = PopArray<Pattern>(mark);
        var positional = keywordMark < 0 ? all : all[..keywordMark];
        var keywordPatterns = keywordMark < 0 ? ImmutableArray<Pattern>.Empty : all[keywordMark..];
        return new PatternMatchClass(
            cls, positional, attributes?.DrainToImmutable() ?? ImmutableArray<string>.Empty, keywordPatterns, SpanFrom(start));
    }
}
