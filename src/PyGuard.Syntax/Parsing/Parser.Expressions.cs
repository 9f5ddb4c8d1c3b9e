using System.Collections.Immutable;
using System.Runtime.InteropServices;

using PyGuard.Syntax.Lexing;
using PyGuard.Syntax.Tree;

namespace PyGuard.Syntax.Parsing;

internal sealed partial class Parser
{
    // Every rule records the offset of its first token: a node starts there even when its first child
    // is parenthesised and so starts later ("(a) + b" starts at the parenthesis), as in CPython.

    private static bool StartsExpression(TokenKind kind) => kind switch
    {
        TokenKind.Name or TokenKind.Number or TokenKind.String or TokenKind.FStringStart or TokenKind.TStringStart
            or TokenKind.LeftParen or TokenKind.LeftBracket or TokenKind.LeftBrace
            or TokenKind.Minus or TokenKind.Plus or TokenKind.Tilde or TokenKind.Not or TokenKind.Lambda
            or TokenKind.Await or TokenKind.None or TokenKind.True or TokenKind.False or TokenKind.Ellipsis => true,
        _ => false,
    };

    /// <summary>yield_expr | star_expressions</summary>
    private Expr ParseStarExpressionsOrYield() =>
        Kind == TokenKind.Yield ? ParseYield() : ParseStarExpressions();

    private Expr ParseYield()
    {
        var start = Advance().Start;
        if (Kind == TokenKind.From && StartsExpression(PeekKind(1)))
        {
            Advance();
            return new ExprYieldFrom(ParseExpression(), SpanFrom(start));
        }

        var value = StartsExpression(Kind) || Kind == TokenKind.Star ? ParseStarExpressions() : null;
        return new ExprYield(value, SpanFrom(start));
    }

    /// <summary>star_expression (',' star_expression)* [','] — a tuple when there is a comma.</summary>
    private Expr ParseStarExpressions()
    {
        var start = CurrentStart;
        var first = ParseStarExpression();
        if (Kind != TokenKind.Comma)
        {
            return first;
        }

        var mark = Mark();
        Push(first);
        while (Accept(TokenKind.Comma))
        {
            if (!StartsExpression(Kind) && Kind != TokenKind.Star)
            {
                break;
            }

            Push(ParseStarExpression());
        }

        return new ExprTuple(PopArray<Expr>(mark), ExprContext.Load, SpanFrom(start));
    }

    private Expr ParseStarExpression()
    {
        if (Kind != TokenKind.Star)
        {
            return ParseExpression();
        }

        var start = Advance().Start;
        return new ExprStarred(ParseBitwiseOr(), ExprContext.Load, SpanFrom(start));
    }

    private Expr ParseStarNamedExpression()
    {
        if (Kind != TokenKind.Star)
        {
            return ParseNamedExpression();
        }

        var start = Advance().Start;
        return new ExprStarred(ParseBitwiseOr(), ExprContext.Load, SpanFrom(start));
    }

    /// <summary>For targets and with-item targets: '*'? bitwise_or, which stops before 'in'.</summary>
    private Expr ParseStarOrBitwiseOr()
    {
        if (Kind != TokenKind.Star)
        {
            return ParseBitwiseOr();
        }

        var start = Advance().Start;
        return new ExprStarred(ParseBitwiseOr(), ExprContext.Load, SpanFrom(start));
    }

    /// <summary>A for-loop or comprehension target list, converted to <paramref name="context"/>.</summary>
    private Expr ParseTargetList(ExprContext context)
    {
        var start = CurrentStart;
        var first = ParseStarOrBitwiseOr();
        if (Kind != TokenKind.Comma)
        {
            return ToTarget(first, context);
        }

        var mark = Mark();
        Push(ToTarget(first, context));
        while (Accept(TokenKind.Comma))
        {
            if (!StartsExpression(Kind) && Kind != TokenKind.Star)
            {
                break;
            }

            Push(ToTarget(ParseStarOrBitwiseOr(), context));
        }

        return new ExprTuple(PopArray<Expr>(mark), context, SpanFrom(start));
    }

    /// <summary>NAME ':=' expression | expression</summary>
    private Expr ParseNamedExpression(bool checkMistypedComparison = true)
    {
        if (Kind == TokenKind.Name && PeekKind(1) == TokenKind.ColonEqual)
        {
            var name = Advance();
            Advance();
            var value = ParseExpression();
            return new ExprNamedExpr(new ExprName(Identifier(name), ExprContext.Store, name.Span), value, SpanFrom(name.Start));
        }

        var expression = ParseExpression();
        if (Kind == TokenKind.ColonEqual)
        {
            throw Error($"cannot use assignment expressions with {ExpressionName(expression)}", expression.Span);
        }

        if (checkMistypedComparison)
        {
            CheckMistypedComparison(expression);
        }

        return expression;
    }

    /// <summary>disjunction ['if' disjunction 'else' expression] | lambdef</summary>
    private Expr ParseExpression()
    {
        if (IsLoneAtom())
        {
            return ParseAtom();
        }

        Enter();
        Expr result;
        if (Kind == TokenKind.Lambda)
        {
            result = ParseLambda();
        }
        else
        {
            var start = CurrentStart;
            Expr? leading = null;
            if (StartsPrimary(Kind))
            {
                leading = ParsePrimary();
                if (!ContinuesOperand(Kind))
                {
                    Exit();
                    return leading;
                }
            }

            result = ParseDisjunction(start, leading);
            if (Kind == TokenKind.If)
            {
                Advance();
                var test = ParseDisjunction();
                if (Kind != TokenKind.Else)
                {
                    // CPython only says so when no ':' follows (which reads like a misplaced if statement).
                    throw Kind == TokenKind.Colon ? InvalidSyntax() : Error("expected 'else' after 'if' expression", start, PrevEnd);
                }

                Advance();
                var orelse = ParseExpression();
                result = new ExprIfExp(test, result, orelse, SpanFrom(start));
            }
        }

        Exit();
        return result;
    }

    /// <summary>
    /// A name, number or single string directly followed by a token that cannot continue an expression:
    /// the commonest expression by far, parsed without descending through every precedence level.
    /// </summary>
    private bool IsLoneAtom()
    {
        var kind = Kind;
        if (kind is not (TokenKind.Name or TokenKind.Number or TokenKind.String or TokenKind.None or TokenKind.True or TokenKind.False))
        {
            return false;
        }

        return PeekKind(1) is TokenKind.Comma or TokenKind.RightParen or TokenKind.RightBracket or TokenKind.RightBrace
            or TokenKind.Colon or TokenKind.NewLine or TokenKind.Semicolon or TokenKind.Equal or TokenKind.For or TokenKind.Else;
    }

    // Most expressions that are not a lone atom are a lone primary ("self.x", "f(a)", "d[k]"): such an
    // expression is parsed as a primary first and, when no operator follows it, returned without descending
    // through the ten precedence levels above primaries. When an operator does follow, the levels are run
    // with the primary as their leading operand ("leading", parsed from "start"), building what they would
    // have built had they parsed it themselves.

    /// <summary>Whether an expression starting with this token starts with a primary (no prefix operator, lambda or await).</summary>
    private static bool StartsPrimary(TokenKind kind) => kind is TokenKind.Name or TokenKind.Number or TokenKind.String
        or TokenKind.FStringStart or TokenKind.TStringStart or TokenKind.LeftParen or TokenKind.LeftBracket or TokenKind.LeftBrace
        or TokenKind.None or TokenKind.True or TokenKind.False or TokenKind.Ellipsis;

    /// <summary>
    /// Whether this token, after a primary, is consumed by a level between the primary and the conditional
    /// expression: every token that one of them tests for (power, binary, comparison and boolean operators,
    /// and the "if" of a conditional expression).
    /// </summary>
    private static bool ContinuesOperand(TokenKind kind) => kind is TokenKind.DoubleStar
        or TokenKind.VerticalBar or TokenKind.Circumflex or TokenKind.Ampersand or TokenKind.LeftShift or TokenKind.RightShift
        or TokenKind.Plus or TokenKind.Minus or TokenKind.Star or TokenKind.Slash or TokenKind.DoubleSlash or TokenKind.Percent or TokenKind.At
        or TokenKind.EqualEqual or TokenKind.NotEqual or TokenKind.Less or TokenKind.LessEqual or TokenKind.Greater or TokenKind.GreaterEqual
        or TokenKind.In or TokenKind.Not or TokenKind.Is or TokenKind.And or TokenKind.Or or TokenKind.If;

    private Expr ParseLambda()
    {
        var start = Advance().Start;
        var args = ParseParameters(TokenKind.Colon, annotations: false);
        Expect(TokenKind.Colon);
        if (Kind is TokenKind.FStringMiddle or TokenKind.TStringMiddle)
        {
            // Inside an f-string field the colon started the format spec, not the lambda's body.
            throw Error("f-string: lambda expressions are not allowed without parentheses", start, PrevEnd);
        }

        var body = ParseExpression();
        return new ExprLambda(args, body, SpanFrom(start));
    }

    private Expr ParseDisjunction() => ParseDisjunction(CurrentStart, null);

    private Expr ParseDisjunction(int start, Expr? leading)
    {
        var first = ParseConjunction(start, leading);
        return Kind == TokenKind.Or ? ParseBoolOp(BoolOperator.Or, start, first, static p => p.ParseConjunction(p.CurrentStart, null)) : first;
    }

    private Expr ParseConjunction(int start, Expr? leading)
    {
        var first = ParseInversion(start, leading);
        return Kind == TokenKind.And ? ParseBoolOp(BoolOperator.And, start, first, static p => p.ParseInversion(p.CurrentStart, null)) : first;
    }

    /// <summary>The rest of an "or" or "and" chain, at its operator, once its first operand is parsed.</summary>
    private ExprBoolOp ParseBoolOp(BoolOperator op, int start, Expr first, Func<Parser, Expr> operand)
    {
        var separator = op == BoolOperator.Or ? TokenKind.Or : TokenKind.And;
        var mark = Mark();
        Push(first);
        while (Accept(separator))
        {
            Push(operand(this));
        }

        return new ExprBoolOp(op, PopArray<Expr>(mark), SpanFrom(start));
    }

    /// <summary>
    /// item (separator item)*: with a separator, the items are pushed above <paramref name="mark"/> and
    /// the result is true; without one, the single item is <paramref name="first"/>.
    /// </summary>
    private bool ParseChain<T>(TokenKind separator, Func<Parser, T> item, out T first, out int mark) where T : Node
    {
        first = item(this);
        mark = Mark();
        if (Kind != separator)
        {
            return false;
        }

        Push(first);
        while (Accept(separator))
        {
            Push(item(this));
        }

        return true;
    }

    private Expr ParseInversion(int start, Expr? leading)
    {
        if (leading is not null || Kind != TokenKind.Not)
        {
            return ParseComparison(start, leading);
        }

        Enter();
        Advance();
        var operand = ParseInversion(CurrentStart, null);
        Exit();
        return new ExprUnaryOp(UnaryOperator.Not, operand, SpanFrom(start));
    }

    private Expr ParseComparison(int start, Expr? leading)
    {
        var left = ParseBinary(1, start, leading);
        var op = ComparisonOperator();
        if (op is null)
        {
            return left;
        }

        var ops = new CompareOperator[1];
        var count = 0;
        var mark = Mark();
        while (op is { } current)
        {
            if (count == ops.Length)
            {
                Array.Resize(ref ops, count * 2);
            }

            ops[count++] = current;
            Push(ParseBitwiseOr());
            op = ComparisonOperator();
        }

        if (count != ops.Length)
        {
            Array.Resize(ref ops, count);
        }

        return new ExprCompare(left, ImmutableCollectionsMarshal.AsImmutableArray(ops), PopArray<Expr>(mark), SpanFrom(start));
    }

    /// <summary>Consumes a comparison operator (two tokens for "not in" and "is not").</summary>
    private CompareOperator? ComparisonOperator()
    {
        CompareOperator op;
        switch (Kind)
        {
            case TokenKind.EqualEqual:
                op = CompareOperator.Eq;
                break;
            case TokenKind.NotEqual:
                op = CompareOperator.NotEq;
                break;
            case TokenKind.Less:
                op = CompareOperator.Lt;
                break;
            case TokenKind.LessEqual:
                op = CompareOperator.LtE;
                break;
            case TokenKind.Greater:
                op = CompareOperator.Gt;
                break;
            case TokenKind.GreaterEqual:
                op = CompareOperator.GtE;
                break;
            case TokenKind.In:
                op = CompareOperator.In;
                break;
            case TokenKind.Not when PeekKind(1) == TokenKind.In:
                Advance();
                op = CompareOperator.NotIn;
                break;
            case TokenKind.Is:
                Advance();
                return Accept(TokenKind.Not) ? CompareOperator.IsNot : CompareOperator.Is;
            default:
                return null;
        }

        Advance();
        return op;
    }

    private Expr ParseBitwiseOr() => ParseBinary(1, CurrentStart, null);

    /// <summary>
    /// The left-associative binary operators by precedence climbing: a chain at one level is a loop, so
    /// "1+1+...+1" builds its (deep) tree without recursing once per operator.
    /// </summary>
    private Expr ParseBinary(int minPrecedence, int start, Expr? leading)
    {
        var left = leading is null ? ParseFactor() : ParsePower(start, leading);
        while (true)
        {
            var (op, precedence) = BinaryOperator(Kind);
            if (precedence < minPrecedence)
            {
                return left;
            }

            Advance();
            var right = ParseBinary(precedence + 1, CurrentStart, null);
            left = new ExprBinOp(left, op, right, SpanFrom(start));
        }
    }

    private static (Operator Op, int Precedence) BinaryOperator(TokenKind kind) => kind switch
    {
        TokenKind.VerticalBar => (Operator.BitOr, 1),
        TokenKind.Circumflex => (Operator.BitXor, 2),
        TokenKind.Ampersand => (Operator.BitAnd, 3),
        TokenKind.LeftShift => (Operator.LShift, 4),
        TokenKind.RightShift => (Operator.RShift, 4),
        TokenKind.Plus => (Operator.Add, 5),
        TokenKind.Minus => (Operator.Sub, 5),
        TokenKind.Star => (Operator.Mult, 6),
        TokenKind.Slash => (Operator.Div, 6),
        TokenKind.DoubleSlash => (Operator.FloorDiv, 6),
        TokenKind.Percent => (Operator.Mod, 6),
        TokenKind.At => (Operator.MatMult, 6),
        _ => (default, 0),
    };

    private Expr ParseFactor()
    {
        var op = Kind switch
        {
            TokenKind.Plus => UnaryOperator.UAdd,
            TokenKind.Minus => UnaryOperator.USub,
            TokenKind.Tilde => UnaryOperator.Invert,
            _ => (UnaryOperator?)null,
        };
        var start = CurrentStart;
        if (op is not { } unary)
        {
            return ParsePower(start, ParseAwaitPrimary());
        }

        Enter();
        Advance();
        var operand = ParseFactor();
        Exit();
        return new ExprUnaryOp(unary, operand, SpanFrom(start));
    }

    /// <summary>The power operator's rule once its left operand, parsed from <paramref name="start"/>, is known.</summary>
    private Expr ParsePower(int start, Expr left)
    {
        if (Kind != TokenKind.DoubleStar)
        {
            return left;
        }

        Enter();
        Advance();
        var right = ParseFactor();
        Exit();
        return new ExprBinOp(left, Operator.Pow, right, SpanFrom(start));
    }

    private Expr ParseAwaitPrimary()
    {
        if (Kind != TokenKind.Await)
        {
            return ParsePrimary();
        }

        var start = Advance().Start;
        return new ExprAwait(ParsePrimary(), SpanFrom(start));
    }

    /// <summary>atom followed by any chain of attribute, call and subscript trailers, built in a loop.</summary>
    private Expr ParsePrimary()
    {
        var start = CurrentStart;
        var expression = ParseAtom();
        while (true)
        {
            switch (Kind)
            {
                case TokenKind.Dot:
                    Advance();
                    var attr = ExpectIdentifier();
                    expression = new ExprAttribute(expression, attr, ExprContext.Load, SpanFrom(start));
                    break;
                case TokenKind.LeftParen:
                    var open = Advance();
                    var (args, keywords) = ParseCallArguments(open.Start);
                    Expect(TokenKind.RightParen);
                    expression = new ExprCall(expression, args, keywords, SpanFrom(start));
                    break;
                case TokenKind.LeftBracket:
                    Advance();
                    var slice = ParseSlices();
                    if (Kind != TokenKind.RightBracket)
                    {
                        throw ForgotCommaOrInvalidSyntax(slice);
                    }

                    Advance();
                    expression = new ExprSubscript(expression, slice, ExprContext.Load, SpanFrom(start));
                    break;
                default:
                    return expression;
            }
        }
    }

    private Expr ParseAtom()
    {
        var token = Peek();
        switch (token.Kind)
        {
            case TokenKind.Name:
                Advance();
                return new ExprName(Identifier(token), ExprContext.Load, token.Span);
            case TokenKind.True or TokenKind.False or TokenKind.None or TokenKind.Ellipsis:
                return KeywordConstant();
            case TokenKind.Number:
                Advance();
                return new ExprConstant(NumberValue(token), null, token.Span);
            case TokenKind.String or TokenKind.FStringStart or TokenKind.TStringStart:
                return ParseStrings();
            case TokenKind.LeftParen:
                return ParseParenthesized();
            case TokenKind.LeftBracket:
                return ParseListDisplay();
            case TokenKind.LeftBrace:
                return ParseBraceDisplay();
            default:
                throw InvalidSyntax();
        }
    }

    /// <summary>Consumes True, False, None or '...' and returns the constant it stands for.</summary>
    private ExprConstant KeywordConstant()
    {
        var token = Advance();
        var value = token.Kind switch
        {
            TokenKind.True => BoxedTrue,
            TokenKind.False => BoxedFalse,
            TokenKind.Ellipsis => PyEllipsis.Instance,
            _ => null,
        };
        return new ExprConstant(value, null, token.Span);
    }

    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;

    /// <summary>'(' … ')': empty tuple, group (keeps the inner node's own span), tuple, or generator expression.</summary>
    private Expr ParseParenthesized()
    {
        Enter();
        var start = Advance().Start;
        Expr result;
        if (Kind == TokenKind.RightParen)
        {
            Advance();
            result = new ExprTuple(ImmutableArray<Expr>.Empty, ExprContext.Load, SpanFrom(start));
        }
        else if (Kind == TokenKind.Yield)
        {
            result = ParseYield();
            Expect(TokenKind.RightParen);
        }
        else
        {
            var first = ParseStarNamedExpression();
            if (StartsComprehension())
            {
                CheckComprehensionElement(first);
                var generators = ParseComprehensions();
                Expect(TokenKind.RightParen);
                result = new ExprGeneratorExp(first, generators, SpanFrom(start));
            }
            else if (Kind == TokenKind.RightParen)
            {
                Advance();
                if (first is ExprStarred)
                {
                    throw Error("cannot use starred expression here", first.Span);
                }

                result = first;
            }
            else if (Kind == TokenKind.Comma)
            {
                var mark = Mark();
                Push(first);
                while (Accept(TokenKind.Comma) && Kind != TokenKind.RightParen)
                {
                    Push(ParseStarNamedExpression());
                }

                if (Kind != TokenKind.RightParen)
                {
                    throw ForgotCommaOrInvalidSyntax((Expr)StackAt(_stackTop - 1)!);
                }

                Advance();
                result = new ExprTuple(PopArray<Expr>(mark), ExprContext.Load, SpanFrom(start));
            }
            else
            {
                throw ForgotCommaOrInvalidSyntax(first);
            }
        }

        Exit();
        return result;
    }

    private Expr ParseListDisplay()
    {
        Enter();
        var start = Advance().Start;
        Expr result;
        if (Accept(TokenKind.RightBracket))
        {
            result = new ExprList(ImmutableArray<Expr>.Empty, ExprContext.Load, SpanFrom(start));
        }
        else
        {
            var first = ParseStarNamedExpression();
            if (StartsComprehension())
            {
                CheckComprehensionElement(first);
                var generators = ParseComprehensions();
                Expect(TokenKind.RightBracket);
                result = new ExprListComp(first, generators, SpanFrom(start));
            }
            else
            {
                var mark = Mark();
                Push(first);
                while (Accept(TokenKind.Comma) && Kind != TokenKind.RightBracket)
                {
                    Push(ParseStarNamedExpression());
                }

                if (Kind != TokenKind.RightBracket)
                {
                    throw ForgotCommaOrInvalidSyntax((Expr)StackAt(_stackTop - 1)!);
                }

                Advance();
                result = new ExprList(PopArray<Expr>(mark), ExprContext.Load, SpanFrom(start));
            }
        }

        Exit();
        return result;
    }

    /// <summary>'{' … '}': dict, set, or their comprehensions.</summary>
    private Expr ParseBraceDisplay()
    {
        Enter();
        var start = Advance().Start;
        Expr result;
        if (Accept(TokenKind.RightBrace))
        {
            result = new ExprDict(ImmutableArray<Expr?>.Empty, ImmutableArray<Expr>.Empty, SpanFrom(start));
        }
        else if (Kind == TokenKind.DoubleStar)
        {
            result = ParseDictRest(start, null, null);
        }
        else
        {
            var firstStart = CurrentStart;
            var first = ParseStarNamedExpression();
            var bare = first.Span.Start == firstStart;
            if (Kind == TokenKind.Colon && !(bare && first is ExprStarred or ExprNamedExpr))
            {
                Advance();
                var value = ParseDictValue();
                if (StartsComprehension())
                {
                    var generators = ParseComprehensions();
                    Expect(TokenKind.RightBrace);
                    result = new ExprDictComp(first, value, generators, SpanFrom(start));
                }
                else
                {
                    result = ParseDictRest(start, first, value);
                }
            }
            else if (StartsComprehension())
            {
                CheckComprehensionElement(first);
                var generators = ParseComprehensions();
                Expect(TokenKind.RightBrace);
                result = new ExprSetComp(first, generators, SpanFrom(start));
            }
            else
            {
                var mark = Mark();
                Push(first);
                while (Accept(TokenKind.Comma) && Kind != TokenKind.RightBrace)
                {
                    Push(ParseStarNamedExpression());
                }

                if (Kind != TokenKind.RightBrace)
                {
                    throw ForgotCommaOrInvalidSyntax((Expr)StackAt(_stackTop - 1)!);
                }

                Advance();
                result = new ExprSet(PopArray<Expr>(mark), SpanFrom(start));
            }
        }

        Exit();
        return result;
    }

    /// <summary>The items of a dict display after the first (given) pair; keys and values alternate on the stack.</summary>
    private Expr ParseDictRest(int start, Expr? firstKey, Expr? firstValue)
    {
        var mark = Mark();
        if (firstValue is not null)
        {
            Push(firstKey);
            Push(firstValue);
            if (!Accept(TokenKind.Comma))
            {
                return FinishDict(start, mark);
            }
        }

        while (Kind != TokenKind.RightBrace)
        {
            if (Kind == TokenKind.DoubleStar)
            {
                var starStart = Advance().Start;
                Push(null);
                Push(ParseBitwiseOr());
                if (StartsComprehension())
                {
                    throw Error("dict unpacking cannot be used in dict comprehension", starStart, PrevEnd);
                }
            }
            else
            {
                var key = ParseExpression();
                if (Kind != TokenKind.Colon)
                {
                    // CPython points at the key's last character.
                    throw Error("':' expected after dictionary key", key.Span.End - 1, key.Span.End - 1);
                }

                Advance();
                Push(key);
                Push(ParseDictValue());
            }

            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        return FinishDict(start, mark);
    }

    private Expr ParseDictValue()
    {
        if (Kind is TokenKind.RightBrace or TokenKind.Comma)
        {
            var colon = _tokens[_pos - 1];
            throw Error("expression expected after dictionary key and ':'", colon.Start, colon.End);
        }

        if (Kind == TokenKind.Star)
        {
            var starred = ParseStarNamedExpression();
            throw Error("cannot use a starred expression in a dictionary value", starred.Span);
        }

        return ParseExpression();
    }

    private Expr FinishDict(int start, int mark)
    {
        if (Kind != TokenKind.RightBrace)
        {
            throw ForgotCommaOrInvalidSyntax((Expr)StackAt(_stackTop - 1)!);
        }

        Advance();
        var pairs = CountSince(mark) / 2;
        var keys = new Expr?[pairs];
        var values = new Expr[pairs];
        for (var i = 0; i < pairs; i++)
        {
            keys[i] = (Expr?)StackAt(mark + 2 * i);
            values[i] = (Expr)StackAt(mark + 2 * i + 1)!;
        }

        DropTo(mark);
        return new ExprDict(
            ImmutableCollectionsMarshal.AsImmutableArray(keys), ImmutableCollectionsMarshal.AsImmutableArray(values), SpanFrom(start));
    }

    private bool StartsComprehension() => Kind == TokenKind.For || (Kind == TokenKind.Async && PeekKind(1) == TokenKind.For);

    private void CheckComprehensionElement(Expr element)
    {
        if (element is ExprStarred)
        {
            throw Error("iterable unpacking cannot be used in comprehension", element.Span);
        }
    }

    /// <summary>('async'? 'for' targets 'in' disjunction ('if' disjunction)*)+</summary>
    private ImmutableArray<Comprehension> ParseComprehensions()
    {
        var mark = Mark();
        while (StartsComprehension())
        {
            var start = CurrentStart;
            var isAsync = Accept(TokenKind.Async);
            Advance();
            var target = ParseTargetList(ExprContext.Store);
            if (Kind != TokenKind.In)
            {
                throw ErrorAtCurrent("'in' expected after for-loop variables");
            }

            Advance();
            var iter = ParseDisjunction();
            var ifsMark = Mark();
            while (Accept(TokenKind.If))
            {
                Push(ParseDisjunction());
            }

            var ifs = PopArray<Expr>(ifsMark);
            Push(new Comprehension(target, iter, ifs, isAsync, SpanFrom(start)));
        }

        return PopArray<Comprehension>(mark);
    }

    /// <summary>slices: a single slice, or a tuple of slices and starred expressions (PEP 646).</summary>
    private Expr ParseSlices()
    {
        var start = CurrentStart;
        var first = ParseSliceItem();
        if (Kind != TokenKind.Comma && first is not ExprStarred)
        {
            return first;
        }

        var mark = Mark();
        Push(first);
        while (Accept(TokenKind.Comma) && Kind != TokenKind.RightBracket)
        {
            Push(ParseSliceItem());
        }

        return new ExprTuple(PopArray<Expr>(mark), ExprContext.Load, SpanFrom(start));
    }

    private Expr ParseSliceItem()
    {
        var start = CurrentStart;
        if (Kind == TokenKind.Star)
        {
            Advance();
            return new ExprStarred(ParseExpression(), ExprContext.Load, SpanFrom(start));
        }

        Expr? lower = null;
        if (Kind != TokenKind.Colon)
        {
            lower = ParseNamedExpression();
            if (Kind != TokenKind.Colon)
            {
                return lower;
            }
        }

        Advance();
        var upper = Kind is TokenKind.Colon or TokenKind.Comma or TokenKind.RightBracket ? null : ParseExpression();
        Expr? step = null;
        if (Accept(TokenKind.Colon) && Kind is not (TokenKind.Comma or TokenKind.RightBracket))
        {
            step = ParseExpression();
        }

        return new ExprSlice(lower, upper, step, SpanFrom(start));
    }
}
