using System.Collections.Immutable;

using PyGuard.Syntax.Lexing;
using PyGuard.Syntax.Text;
using PyGuard.Syntax.Tree;

namespace PyGuard.Syntax.Parsing;

internal sealed partial class Parser
{
    /// <summary>Parses one statement line or compound statement and pushes its statements on the node stack.</summary>
    private void ParseStatement()
    {
        ReleaseConsumedTokens();
        Enter();
        switch (Kind)
        {
            case TokenKind.Def:
                Push(ParseFunctionDef(ImmutableArray<Expr>.Empty));
                break;
            case TokenKind.At:
                Push(ParseDecorated());
                break;
            case TokenKind.Class:
                Push(ParseClassDef(ImmutableArray<Expr>.Empty));
                break;
            case TokenKind.If:
                Push(ParseIf());
                break;
            case TokenKind.While:
                Push(ParseWhile());
                break;
            case TokenKind.For:
                Push(ParseFor());
                break;
            case TokenKind.Try:
                Push(ParseTry());
                break;
            case TokenKind.With:
                Push(ParseWith());
                break;
            case TokenKind.Async when PeekKind(1) == TokenKind.Def:
                Push(ParseFunctionDef(ImmutableArray<Expr>.Empty));
                break;
            case TokenKind.Async when PeekKind(1) == TokenKind.For:
                Push(ParseFor());
                break;
            case TokenKind.Async when PeekKind(1) == TokenKind.With:
                Push(ParseWith());
                break;
            case TokenKind.Async:
                Peek(1);
                throw InvalidSyntax();
            case TokenKind.Indent:
                throw InvalidSyntax();
            case TokenKind.Name when IsName("match") && TryParseMatch() is { } match:
                Push(match);
                break;
            default:
                ParseSimpleStatements();
                break;
        }

        Exit();
    }

    /// <summary>simple_stmt (';' simple_stmt)* [';'] NEWLINE</summary>
    private void ParseSimpleStatements()
    {
        while (true)
        {
            Push(ParseSimpleStatement());
            if (!Accept(TokenKind.Semicolon) || Kind == TokenKind.NewLine)
            {
                break;
            }
        }

        if (Kind != TokenKind.NewLine)
        {
            throw InvalidSyntax();
        }

        Advance();
    }

    private Stmt ParseSimpleStatement()
    {
        var start = CurrentStart;
        switch (Kind)
        {
            case TokenKind.Pass:
                Advance();
                return new StmtPass(SpanFrom(start));
            case TokenKind.Break:
                Advance();
                return new StmtBreak(SpanFrom(start));
            case TokenKind.Continue:
                Advance();
                return new StmtContinue(SpanFrom(start));
            case TokenKind.Return:
                Advance();
                var value = StartsExpression(Kind) || Kind == TokenKind.Star ? ParseStarExpressions() : null;
                return new StmtReturn(value, SpanFrom(start));
            case TokenKind.Raise:
                return ParseRaise();
            case TokenKind.Global:
            case TokenKind.Nonlocal:
                return ParseGlobalOrNonlocal();
            case TokenKind.Del:
                return ParseDelete();
            case TokenKind.Assert:
                Advance();
                var test = ParseExpression();
                var message = Accept(TokenKind.Comma) ? ParseExpression() : null;
                return new StmtAssert(test, message, SpanFrom(start));
            case TokenKind.Import:
                return ParseImport();
            case TokenKind.From:
                return ParseImportFrom();
            case TokenKind.Name when IsName("type") && PeekKind(1) == TokenKind.Name && PeekKind(2) is TokenKind.Equal or TokenKind.LeftBracket:
                return ParseTypeAlias();
            default:
                return ParseExpressionStatement();
        }
    }

    private Stmt ParseRaise()
    {
        var start = Advance().Start;
        Expr? exc = null, cause = null;
        if (StartsExpression(Kind))
        {
            exc = ParseExpression();
            if (Accept(TokenKind.From))
            {
                cause = ParseExpression();
            }
        }

        return new StmtRaise(exc, cause, SpanFrom(start));
    }

    private Stmt ParseGlobalOrNonlocal()
    {
        var keyword = Advance();
        var names = ImmutableArray.CreateBuilder<string>();
        do
        {
            names.Add(ExpectIdentifier());
        }
        while (Accept(TokenKind.Comma));

        var span = SpanFrom(keyword.Start);
        return keyword.Kind == TokenKind.Global
            ? new StmtGlobal(names.DrainToImmutable(), span)
            : new StmtNonlocal(names.DrainToImmutable(), span);
    }

    private Stmt ParseDelete()
    {
        var start = Advance().Start;
        var mark = Mark();
        do
        {
            if (!StartsExpression(Kind) && Kind != TokenKind.Star)
            {
                break;
            }

            Push(ToTarget(ParseStarOrBitwiseOr(), ExprContext.Del));
        }
        while (Accept(TokenKind.Comma));

        if (CountSince(mark) == 0 || Kind is not (TokenKind.NewLine or TokenKind.Semicolon))
        {
            throw InvalidSyntax();
        }

        return new StmtDelete(PopArray<Expr>(mark), SpanFrom(start));
    }

    private Stmt ParseImport()
    {
        var start = Advance().Start;
        ExpectImportNames();
        var mark = Mark();
        do
        {
            var nameStart = CurrentStart;
            var name = ParseDottedName();
            var asName = Accept(TokenKind.As) ? ExpectIdentifier() : null;
            Push(new Alias(name, asName, SpanFrom(nameStart)));
        }
        while (Accept(TokenKind.Comma));

        return new StmtImport(PopArray<Alias>(mark), SpanFrom(start));
    }

    private void ExpectImportNames()
    {
        if (Kind is TokenKind.NewLine or TokenKind.EndOfFile)
        {
            throw ErrorAtCurrent("Expected one or more names after 'import'");
        }
    }

    private string ParseDottedName()
    {
        var name = ExpectIdentifier();
        if (Kind != TokenKind.Dot)
        {
            return name;
        }

        var builder = new System.Text.StringBuilder(name);
        while (Accept(TokenKind.Dot))
        {
            builder.Append('.').Append(ExpectIdentifier());
        }

        return builder.ToString();
    }

    private Stmt ParseImportFrom()
    {
        var start = Advance().Start;
        var level = 0;
        while (Kind is TokenKind.Dot or TokenKind.Ellipsis)
        {
            level += Advance().Kind == TokenKind.Dot ? 1 : 3;
        }

        string? module = null;
        if (Kind != TokenKind.Import || level == 0)
        {
            module = ParseDottedName();
        }

        Expect(TokenKind.Import);
        ExpectImportNames();
        var mark = Mark();
        if (Kind == TokenKind.Star)
        {
            var star = Advance();
            Push(new Alias("*", null, star.Span));
        }
        else
        {
            var parenthesized = Accept(TokenKind.LeftParen);
            do
            {
                if (parenthesized && Kind == TokenKind.RightParen && CountSince(mark) > 0)
                {
                    break;
                }

                if (!parenthesized && Kind == TokenKind.NewLine && CountSince(mark) > 0)
                {
                    throw ErrorAtCurrent("trailing comma not allowed without surrounding parentheses");
                }

                var nameStart = CurrentStart;
                var name = ExpectIdentifier();
                var asName = Accept(TokenKind.As) ? ExpectIdentifier() : null;
                Push(new Alias(name, asName, SpanFrom(nameStart)));
            }
            while (Accept(TokenKind.Comma));

            if (parenthesized)
            {
                Expect(TokenKind.RightParen);
            }
        }

        return new StmtImportFrom(module, PopArray<Alias>(mark), level, SpanFrom(start));
    }

    private Stmt ParseTypeAlias()
    {
        var start = Advance().Start;
        var nameToken = Advance();
        var name = new ExprName(Identifier(nameToken), ExprContext.Store, nameToken.Span);
        var typeParams = Kind == TokenKind.LeftBracket ? ParseTypeParams(forTypeAlias: true) : ImmutableArray<TypeParam>.Empty;
        Expect(TokenKind.Equal);
        var value = ParseExpression();
        return new StmtTypeAlias(name, typeParams, value, SpanFrom(start));
    }

    /// <summary>Expression statements and every assignment form: =, augmented, annotated.</summary>
    private Stmt ParseExpressionStatement()
    {
        var start = CurrentStart;
        var first = ParseStarExpressionsOrYield();
        switch (Kind)
        {
            case TokenKind.Equal:
                return ParseAssignment(start, first);
            case TokenKind.Colon:
                return ParseAnnotatedAssignment(start, first);
            default:
                if (AugmentedOperator(Kind) is { } op)
                {
                    if (first is not (ExprName or ExprAttribute or ExprSubscript))
                    {
                        throw Error($"'{ExpressionName(first)}' is an illegal expression for augmented assignment", first.Span);
                    }

                    Advance();
                    var target = ToTarget(first, ExprContext.Store);
                    var value = ParseStarExpressionsOrYield();
                    return new StmtAugAssign(target, op, value, SpanFrom(start));
                }

                if (Kind is not (TokenKind.NewLine or TokenKind.Semicolon))
                {
                    throw StatementTailError(start, first);
                }

                return new StmtExpr(first, SpanFrom(start));
        }
    }

    private Stmt ParseAssignment(int start, Expr first)
    {
        var mark = Mark();
        var target = first;
        while (Kind == TokenKind.Equal)
        {
            Advance();
            var value = ParseStarExpressionsOrYield();
            CheckAssignmentTarget(target, CountSince(mark) == 0, value);
            Push(ToTarget(target, ExprContext.Store));
            target = value;
        }

        if (Kind is not (TokenKind.NewLine or TokenKind.Semicolon))
        {
            throw StatementTailError(start, target);
        }

        return new StmtAssign(PopArray<Expr>(mark), target, null, SpanFrom(start));
    }

    private Stmt ParseAnnotatedAssignment(int start, Expr target)
    {
        var colon = Peek();
        Expr annotation;
        if (target is ExprName or ExprAttribute or ExprSubscript)
        {
            Advance();
            annotation = ParseExpression();
        }
        else
        {
            // CPython only names a bad annotation target when an annotation follows; otherwise the
            // ':' is where it stopped.
            annotation = Try(() =>
            {
                Advance();
                return ParseExpression();
            }) ?? throw Error("invalid syntax", colon.Start, colon.End);
        }

        switch (target)
        {
            case ExprTuple { Elts.Length: > 0 } tuple when !IsParenthesizedAt(tuple.Span.Start):
                throw Error("only single target (not tuple) can be annotated", tuple.Elts[0].Span);
            case ExprTuple:
                throw Error("only single target (not tuple) can be annotated", target.Span);
            case ExprList:
                throw Error("only single target (not list) can be annotated", target.Span);
            case ExprName or ExprAttribute or ExprSubscript:
                break;
            default:
                throw Error("illegal target for annotation", target.Span);
        }

        Expr? value = null;
        if (Accept(TokenKind.Equal))
        {
            value = ParseStarExpressionsOrYield();
        }

        var simple = target is ExprName && target.Span.Start == start;
        return new StmtAnnAssign(ToTarget(target, ExprContext.Store), annotation, value, simple, SpanFrom(start));
    }

    private bool IsParenthesizedAt(int offset) => offset < _text.Length && _text[offset] == '(';

    private static Operator? AugmentedOperator(TokenKind kind) => kind switch
    {
        TokenKind.PlusEqual => Operator.Add,
        TokenKind.MinusEqual => Operator.Sub,
        TokenKind.StarEqual => Operator.Mult,
        TokenKind.AtEqual => Operator.MatMult,
        TokenKind.SlashEqual => Operator.Div,
        TokenKind.PercentEqual => Operator.Mod,
        TokenKind.AmpersandEqual => Operator.BitAnd,
        TokenKind.VerticalBarEqual => Operator.BitOr,
        TokenKind.CircumflexEqual => Operator.BitXor,
        TokenKind.LeftShiftEqual => Operator.LShift,
        TokenKind.RightShiftEqual => Operator.RShift,
        TokenKind.DoubleStarEqual => Operator.Pow,
        TokenKind.DoubleSlashEqual => Operator.FloorDiv,
        _ => null,
    };

    // ---- Compound statements -------------------------------------------------------------------------

    /// <summary>The ':' after a compound statement's header; a header ended by a newline gets "expected ':'".</summary>
    private void ExpectColon()
    {
        if (Kind == TokenKind.Colon)
        {
            Advance();
            return;
        }

        if (Kind == TokenKind.NewLine)
        {
            throw ErrorAtCurrent("expected ':'");
        }

        throw InvalidSyntax();
    }

    /// <summary>block: NEWLINE INDENT statements DEDENT | simple_stmts</summary>
    private ImmutableArray<Stmt> ParseBlock(string owner, int ownerOffset)
    {
        var mark = Mark();
        if (Kind != TokenKind.NewLine)
        {
            ParseSimpleStatements();
            return PopArray<Stmt>(mark);
        }

        Advance();
        if (Kind != TokenKind.Indent)
        {
            throw MissingIndentedBlock(owner, ownerOffset);
        }

        Advance();
        while (Kind != TokenKind.Dedent)
        {
            ParseStatement();
        }

        Advance();
        return PopArray<Stmt>(mark);
    }

    private int LineOf(int offset) => _source.GetLineNumber(offset);

    private Stmt ParseDecorated()
    {
        var mark = Mark();
        while (Kind == TokenKind.At)
        {
            Advance();
            Push(ParseNamedExpression());
            if (Kind != TokenKind.NewLine)
            {
                throw InvalidSyntax();
            }

            Advance();
        }

        var decorators = PopArray<Expr>(mark);
        return Kind switch
        {
            TokenKind.Def => ParseFunctionDef(decorators),
            TokenKind.Async when PeekKind(1) == TokenKind.Def => ParseFunctionDef(decorators),
            TokenKind.Class => ParseClassDef(decorators),
            _ => throw InvalidSyntax(),
        };
    }

    private Stmt ParseFunctionDef(ImmutableArray<Expr> decorators)
    {
        var start = CurrentStart;
        var isAsync = Accept(TokenKind.Async);
        var def = Advance();
        var name = ExpectIdentifier();
        var typeParams = Kind == TokenKind.LeftBracket ? ParseTypeParams() : ImmutableArray<TypeParam>.Empty;
        ExpectForced(TokenKind.LeftParen);
        var args = ParseParameters(TokenKind.RightParen, annotations: true);
        Expect(TokenKind.RightParen);
        var returns = Accept(TokenKind.Arrow) ? ParseExpression() : null;
        ExpectForced(TokenKind.Colon);
        var body = ParseBlock("function definition", def.Start);
        var span = SpanFrom(start);
        return isAsync
            ? new StmtAsyncFunctionDef(name, args, body, decorators, returns, null, typeParams, span)
            : new StmtFunctionDef(name, args, body, decorators, returns, null, typeParams, span);
    }

    private Stmt ParseClassDef(ImmutableArray<Expr> decorators)
    {
        var start = Advance().Start;
        var name = ExpectIdentifier();
        var typeParams = Kind == TokenKind.LeftBracket ? ParseTypeParams() : ImmutableArray<TypeParam>.Empty;
        var bases = ImmutableArray<Expr>.Empty;
        var keywords = ImmutableArray<Keyword>.Empty;
        if (Accept(TokenKind.LeftParen))
        {
            (bases, keywords) = ParseCallArguments(CurrentStart);
            Expect(TokenKind.RightParen);
        }

        ExpectColon();
        var body = ParseBlock("class definition", start);
        return new StmtClassDef(name, bases, keywords, body, decorators, typeParams, SpanFrom(start));
    }

    /// <summary>if/elif/else, the elif chain built from its end so its depth costs no recursion.</summary>
    private Stmt ParseIf()
    {
        var keyword = Advance();
        var test = ParseNamedExpression();
        ExpectColon();
        var body = ParseBlock("'if' statement", keyword.Start);
        if (Kind != TokenKind.Elif)
        {
            var orelse = ParseElse();
            return new StmtIf(test, body, orelse, SpanFrom(keyword.Start));
        }

        var clauses = new List<(int Start, Expr Test, ImmutableArray<Stmt> Body)> { (keyword.Start, test, body) };
        while (Kind == TokenKind.Elif)
        {
            keyword = Advance();
            test = ParseNamedExpression();
            ExpectColon();
            clauses.Add((keyword.Start, test, ParseBlock("'elif' statement", keyword.Start)));
        }

        var elseBody = ParseElse();
        var end = PrevEnd;
        Stmt? result = null;
        for (var i = clauses.Count - 1; i >= 0; i--)
        {
            var clause = clauses[i];
            result = new StmtIf(clause.Test, clause.Body, result is null ? elseBody : One(result), new TextSpan(clause.Start, end));
        }

        return result!;
    }

    private ImmutableArray<Stmt> ParseElse()
    {
        if (Kind != TokenKind.Else)
        {
            return ImmutableArray<Stmt>.Empty;
        }

        var keyword = Advance();
        ExpectForced(TokenKind.Colon);
        return ParseBlock("'else' statement", keyword.Start);
    }

    private Stmt ParseWhile()
    {
        var start = Advance().Start;
        var test = ParseNamedExpression();
        ExpectColon();
        var body = ParseBlock("'while' statement", start);
        var orelse = ParseElse();
        return new StmtWhile(test, body, orelse, SpanFrom(start));
    }

    private Stmt ParseFor()
    {
        var start = CurrentStart;
        var isAsync = Accept(TokenKind.Async);
        var keyword = Advance();
        var target = ParseTargetList(ExprContext.Store);
        if (Kind != TokenKind.In)
        {
            throw InvalidSyntax();
        }

        Advance();
        var iter = ParseStarExpressions();
        ExpectColon();
        var body = ParseBlock("'for' statement", keyword.Start);
        var orelse = ParseElse();
        var span = SpanFrom(start);
        return isAsync
            ? new StmtAsyncFor(target, iter, body, orelse, null, span)
            : new StmtFor(target, iter, body, orelse, null, span);
    }

    private Stmt ParseWith()
    {
        var start = CurrentStart;
        var isAsync = Accept(TokenKind.Async);
        var keyword = Advance();
        var items = Kind == TokenKind.LeftParen ? Try(ParseParenthesizedWithItems) : null;
        if (items is null)
        {
            var mark = Mark();
            do
            {
                Push(ParseWithItem());
            }
            while (Accept(TokenKind.Comma));

            items = new WithItemList(PopArray<WithItem>(mark));
        }

        ExpectColon();
        var body = ParseBlock("'with' statement", keyword.Start);
        var span = SpanFrom(start);
        return isAsync
            ? new StmtAsyncWith(items.Items, body, null, span)
            : new StmtWith(items.Items, body, null, span);
    }

    /// <summary>A boxed item list, so the speculative parse of "with (a, b):" can report failure as null.</summary>
    private sealed record WithItemList(ImmutableArray<WithItem> Items);

    /// <summary>with '(' with_item (',' with_item)* [','] ')' ':' — only if that is exactly what follows.</summary>
    private WithItemList ParseParenthesizedWithItems()
    {
        Advance();
        var mark = Mark();
        do
        {
            if (Kind == TokenKind.RightParen && CountSince(mark) > 0)
            {
                break;
            }

            Push(ParseWithItem());
        }
        while (Accept(TokenKind.Comma));

        Expect(TokenKind.RightParen);
        if (Kind != TokenKind.Colon)
        {
            throw InvalidSyntax();
        }

        return new WithItemList(PopArray<WithItem>(mark));
    }

    private WithItem ParseWithItem()
    {
        var start = CurrentStart;
        var context = ParseExpression();
        Expr? vars = null;
        if (Accept(TokenKind.As))
        {
            vars = ToTarget(ParseStarOrBitwiseOr(), ExprContext.Store);
            if (Kind is not (TokenKind.Comma or TokenKind.RightParen or TokenKind.Colon))
            {
                throw InvalidSyntax();
            }
        }

        return new WithItem(context, vars, SpanFrom(start));
    }

    private Stmt ParseTry()
    {
        var start = Advance().Start;
        ExpectForced(TokenKind.Colon);
        var body = ParseBlock("'try' statement", start);
        var mark = Mark();
        bool? star = null;
        while (Kind == TokenKind.Except)
        {
            var handlerStart = Advance().Start;
            var isStar = Accept(TokenKind.Star);
            if (star is { } previous && previous != isStar)
            {
                throw Error("cannot have both 'except' and 'except*' on the same 'try'", handlerStart, PrevEnd);
            }

            star = isStar;
            Expr? type = null;
            string? name = null;
            if (Kind != TokenKind.Colon || isStar)
            {
                type = ParseExceptType(isStar);
                if (Accept(TokenKind.As))
                {
                    name = ExpectIdentifier();
                }
            }

            ExpectColon();
            var handlerBody = ParseBlock(isStar ? "'except*' statement" : "'except' statement", handlerStart);
            Push(new ExceptHandler(type, name, handlerBody, SpanFrom(handlerStart)));
        }

        var handlers = PopArray<ExceptHandler>(mark);
        var orelse = handlers.IsEmpty ? ImmutableArray<Stmt>.Empty : ParseElse();
        var finalBody = ImmutableArray<Stmt>.Empty;
        if (Kind == TokenKind.Finally)
        {
            var keyword = Advance();
            ExpectForced(TokenKind.Colon);
            finalBody = ParseBlock("'finally' statement", keyword.Start);
        }
        else if (handlers.IsEmpty)
        {
            throw ErrorAtCurrent("expected 'except' or 'finally' block");
        }

        return star == true
            ? new StmtTryStar(body, handlers, orelse, finalBody, SpanFrom(start))
            : new StmtTry(body, handlers, orelse, finalBody, SpanFrom(start));
    }

    /// <summary>
    /// The exception type after 'except'. An unparenthesised list ("except A, B:") is Python 3.14 syntax;
    /// 3.13 refuses it with its own message.
    /// </summary>
    private Expr ParseExceptType(bool isStar)
    {
        if (isStar && Kind == TokenKind.Colon)
        {
            throw ErrorAtCurrent("expected one or more exception types");
        }

        var start = CurrentStart;
        var type = ParseExpression();
        if (Kind != TokenKind.Comma)
        {
            return type;
        }

        var mark = Mark();
        Push(type);
        while (Accept(TokenKind.Comma))
        {
            if (!StartsExpression(Kind))
            {
                break;
            }

            Push(ParseExpression());
        }

        if (!Is314 || Kind == TokenKind.As)
        {
            DropTo(mark);
            var message = Is314 ? "multiple exception types must be parenthesized when using 'as'" : "multiple exception types must be parenthesized";
            if (Accept(TokenKind.As))
            {
                ExpectIdentifier();
            }

            throw Error(message, start, PrevEnd);
        }

        return new ExprTuple(PopArray<Expr>(mark), ExprContext.Load, SpanFrom(start));
    }
}
