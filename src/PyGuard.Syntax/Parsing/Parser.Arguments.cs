using System.Collections.Immutable;
using System.Runtime.InteropServices;

using PyGuard.Syntax.Lexing;
using PyGuard.Syntax.Text;
using PyGuard.Syntax.Tree;

namespace PyGuard.Syntax.Parsing;

internal sealed partial class Parser
{
    /// <summary>
    /// The arguments of a call or class header, after '(' and up to (not including) ')'. Positional and
    /// starred arguments go to the first list, keyword and ** arguments to the second, each in order.
    /// </summary>
    private (ImmutableArray<Expr> Args, ImmutableArray<Keyword> Keywords) ParseCallArguments(int openParen)
    {
        var mark = Mark();
        var keywordCount = 0;
        var sawKeyword = false;
        var sawDoubleStar = false;
        string? misplaced = null;
        while (Kind != TokenKind.RightParen)
        {
            var start = CurrentStart;
            var first = _pos;
            if (Kind == TokenKind.Star)
            {
                Advance();
                var value = ParseExpression();
                var starred = new ExprStarred(value, ExprContext.Load, SpanFrom(start));
                if (sawDoubleStar)
                {
                    // CPython's range starts at the comma before the unpacking.
                    throw Error("iterable argument unpacking follows keyword argument unpacking", _tokens[first - 1].Start, starred.Span.End);
                }

                if (StartsComprehension())
                {
                    CheckComprehensionElement(starred);
                }

                Push(starred);
            }
            else if (Kind == TokenKind.DoubleStar)
            {
                Advance();
                Push(new Keyword(null, ParseExpression(), SpanFrom(start)));
                keywordCount++;
                sawDoubleStar = true;
            }
            else if (Kind == TokenKind.Name && PeekKind(1) == TokenKind.Equal)
            {
                var name = Advance();
                var equal = Advance();
                if (Kind is TokenKind.Comma or TokenKind.RightParen)
                {
                    throw Error("expected argument value expression", name.Start, equal.End);
                }

                Push(new Keyword(Identifier(name), ParseExpression(), SpanFrom(start)));
                keywordCount++;
                sawKeyword = true;
            }
            else
            {
                var argument = ParseNamedExpression(checkMistypedComparison: false);
                if (StartsComprehension())
                {
                    argument = ParseCallGenerator(openParen, argument, CountSince(mark));
                }
                else if (Kind == TokenKind.Equal)
                {
                    Advance();
                    var value = ParseExpression();
                    throw argument is ExprConstant { Value: null or bool }
                        ? Error($"cannot assign to {ExpressionName(argument)}", start, PrevEnd)
                        : Error("expression cannot contain assignment, perhaps you meant \"==\"?", start, PrevEnd);
                }
                else if ((sawKeyword || sawDoubleStar) && misplaced is null)
                {
                    misplaced = sawDoubleStar ? "positional argument follows keyword argument unpacking" : "positional argument follows keyword argument";
                }

                Push(argument);
            }

            if (!Accept(TokenKind.Comma))
            {
                if (Kind != TokenKind.RightParen)
                {
                    throw ForgotCommaOrInvalidSyntax((Expr?)(StackAt(_stackTop - 1) as Expr) ?? ((Keyword)StackAt(_stackTop - 1)!).Value);
                }

                break;
            }
        }

        if (misplaced is not null)
        {
            // CPython reports it once the whole argument list is read, at the token after it.
            throw ErrorAtCurrent(misplaced);
        }

        return SplitArguments(mark, keywordCount);
    }

    /// <summary>f(x for x in y): the generator's span is the call's parentheses, and it must be the only argument.</summary>
    private Expr ParseCallGenerator(int openParen, Expr element, int argumentsBefore)
    {
        CheckComprehensionElement(element);
        var generators = ParseComprehensions();
        if (argumentsBefore > 0 || Kind != TokenKind.RightParen)
        {
            throw Error("Generator expression must be parenthesized", element.Span.Start, PrevEnd);
        }

        return new ExprGeneratorExp(element, generators, new TextSpan(openParen, Peek().End));
    }

    private (ImmutableArray<Expr>, ImmutableArray<Keyword>) SplitArguments(int mark, int keywordCount)
    {
        var total = CountSince(mark);
        if (keywordCount == 0)
        {
            return (PopArray<Expr>(mark), ImmutableArray<Keyword>.Empty);
        }

        var args = new Expr[total - keywordCount];
        var keywords = new Keyword[keywordCount];
        int a = 0, k = 0;
        for (var i = 0; i < total; i++)
        {
            if (StackAt(mark + i) is Keyword keyword)
            {
                keywords[k++] = keyword;
            }
            else
            {
                args[a++] = (Expr)StackAt(mark + i)!;
            }
        }

        DropTo(mark);
        return (ImmutableCollectionsMarshal.AsImmutableArray(args), ImmutableCollectionsMarshal.AsImmutableArray(keywords));
    }

    /// <summary>
    /// The parameters of a def (with annotations) or lambda (without), up to <paramref name="closer"/>:
    /// positional-only before '/', then positional-or-keyword, '*' or '*args', keyword-only, '**kwargs'.
    /// </summary>
    private Arguments ParseParameters(TokenKind closer, bool annotations)
    {
        var start = CurrentStart;
        var mark = Mark();
        var defaultsMark = -1;
        List<Expr>? defaults = null;
        var positionalOnly = -1;
        Arg? varArg = null, kwArg = null;
        List<Arg>? keywordOnly = null;
        List<Expr?>? keywordDefaults = null;
        var sawStar = false;
        Token? slash = null;
        while (Kind != closer)
        {
            if (kwArg is not null)
            {
                throw ErrorAtCurrent("arguments cannot follow var-keyword argument");
            }

            switch (Kind)
            {
                case TokenKind.Slash:
                    var slashToken = Advance();
                    if (sawStar)
                    {
                        throw Error("/ must be ahead of *", slashToken.Start, slashToken.End);
                    }

                    if (slash is not null)
                    {
                        throw Error("/ may appear only once", slashToken.Start, slashToken.End);
                    }

                    if (CountSince(mark) == 0)
                    {
                        throw Error("at least one argument must precede /", slashToken.Start, slashToken.End);
                    }

                    slash = slashToken;
                    positionalOnly = CountSince(mark);
                    break;
                case TokenKind.Star:
                    var star = Advance();
                    if (sawStar)
                    {
                        throw Error("* argument may appear only once", star.Start, star.End);
                    }

                    sawStar = true;
                    if (Kind == TokenKind.Name)
                    {
                        varArg = ParseParameter(annotations, starAnnotation: true);
                        if (Kind == TokenKind.Equal)
                        {
                            throw ErrorAtCurrent("var-positional argument cannot have default value");
                        }
                    }
                    else if (Kind == closer || (Kind == TokenKind.Comma && PeekKind(1) is var next && (next == closer || next == TokenKind.DoubleStar)))
                    {
                        // def points at the star, lambda at what follows it (CPython's two rules differ).
                        var at = annotations ? star : Peek();
                        throw Error("named arguments must follow bare *", at.Start, at.End);
                    }
                    else if (Kind != TokenKind.Comma)
                    {
                        throw InvalidSyntax();
                    }

                    break;
                case TokenKind.DoubleStar:
                    Advance();
                    kwArg = ParseParameter(annotations, starAnnotation: false);
                    if (Kind == TokenKind.Equal)
                    {
                        throw ErrorAtCurrent("var-keyword argument cannot have default value");
                    }

                    break;
                case TokenKind.Name:
                    var parameter = ParseParameter(annotations, starAnnotation: false);
                    Expr? defaultValue = null;
                    if (Accept(TokenKind.Equal))
                    {
                        if (Kind == TokenKind.Comma || Kind == closer)
                        {
                            var equal = _tokens[_pos - 1];
                            throw Error("expected default value expression", equal.Start, equal.End);
                        }

                        defaultValue = ParseExpression();
                    }

                    if (sawStar)
                    {
                        (keywordOnly ??= []).Add(parameter);
                        (keywordDefaults ??= []).Add(defaultValue);
                    }
                    else
                    {
                        if (defaultValue is not null)
                        {
                            if (defaultsMark < 0)
                            {
                                defaultsMark = CountSince(mark);
                            }

                            (defaults ??= []).Add(defaultValue);
                        }
                        else if (defaultsMark >= 0)
                        {
                            throw Error("parameter without a default follows parameter with a default", parameter.Span);
                        }

                        Push(parameter);
                    }

                    break;
                default:
                    throw InvalidSyntax();
            }

            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        var all = PopArray<Arg>(mark);
        var posOnly = positionalOnly > 0 ? all[..positionalOnly] : ImmutableArray<Arg>.Empty;
        var regular = positionalOnly > 0 ? all[positionalOnly..] : all;
        return new Arguments(
            posOnly,
            regular,
            varArg,
            keywordOnly is null ? ImmutableArray<Arg>.Empty : [.. keywordOnly],
            keywordDefaults is null ? ImmutableArray<Expr?>.Empty : [.. keywordDefaults],
            kwArg,
            defaults is null ? ImmutableArray<Expr>.Empty : [.. defaults],
            SpanFrom(start));
    }

    private Arg ParseParameter(bool annotations, bool starAnnotation)
    {
        var name = Peek();
        var identifier = ExpectIdentifier();
        Expr? annotation = null;
        if (annotations && Accept(TokenKind.Colon))
        {
            annotation = starAnnotation && Kind == TokenKind.Star ? ParseStarExpression() : ParseExpression();
        }

        return new Arg(identifier, annotation, null, SpanFrom(name.Start));
    }

    /// <summary>PEP 695 type parameters with PEP 696 defaults: '[' T, *Ts, **P ']'.</summary>
    private ImmutableArray<TypeParam> ParseTypeParams(bool forTypeAlias = false)
    {
        Advance();
        var mark = Mark();
        if (Kind == TokenKind.RightBracket)
        {
            // CPython points at the ']' (for a type alias, up to the '=' after it).
            var close = Peek();
            throw Error("Type parameter list cannot be empty", close.Start, forTypeAlias ? Peek(1).Start : close.Start);
        }

        do
        {
            if (Kind == TokenKind.RightBracket)
            {
                break;
            }

            Push(ParseTypeParam());
        }
        while (Accept(TokenKind.Comma));

        Expect(TokenKind.RightBracket);
        return PopArray<TypeParam>(mark);
    }

    private TypeParam ParseTypeParam()
    {
        var start = CurrentStart;
        switch (Kind)
        {
            case TokenKind.Star:
                {
                    Advance();
                    var name = ExpectUnboundTypeParamName("TypeVarTuple");
                    var defaultValue = Accept(TokenKind.Equal) ? ParseStarExpression() : null;
                    return new TypeParamTypeVarTuple(name, defaultValue, SpanFrom(start));
                }

            case TokenKind.DoubleStar:
                {
                    Advance();
                    var name = ExpectUnboundTypeParamName("ParamSpec");
                    var defaultValue = Accept(TokenKind.Equal) ? ParseExpression() : null;
                    return new TypeParamParamSpec(name, defaultValue, SpanFrom(start));
                }

            default:
                {
                    var name = ExpectIdentifier();
                    var bound = Accept(TokenKind.Colon) ? ParseExpression() : null;
                    var defaultValue = Accept(TokenKind.Equal) ? ParseExpression() : null;
                    return new TypeParamTypeVar(name, bound, defaultValue, SpanFrom(start));
                }
        }
    }

    /// <summary>The name of a *Ts or **P type parameter, which cannot have a bound.</summary>
    private string ExpectUnboundTypeParamName(string kind)
    {
        var name = ExpectIdentifier();
        if (Kind == TokenKind.Colon)
        {
            var colon = Advance();
            var bound = ParseExpression();
            throw Error($"cannot use bound with {kind}", colon.Start, bound.Span.End);
        }

        return name;
    }
}
