using System.Collections.Immutable;
using System.Runtime.InteropServices;

using PyGuard.Syntax.Lexing;
using PyGuard.Syntax.Text;
using PyGuard.Syntax.Tree;

namespace PyGuard.Syntax.Parsing;

internal sealed partial class Parser
{
    private readonly GrowableBuffer<char> _chars = new();
    private readonly GrowableBuffer<byte> _bytes = new();
    private List<int>? _escapedSurrogates;

    /// <summary>str constants whose value holds escape-made surrogates that pair up in .NET but are two code points in Python.</summary>
    private Dictionary<ExprConstant, int[]>? _splitSurrogates;

    public Dictionary<ExprConstant, int[]>? SplitSurrogates => _splitSurrogates;

    private object NumberValue(in Token token)
    {
        var value = NumberParser.Parse(_text.AsSpan(token.Start, token.End - token.Start), out var error);
        if (error is not null)
        {
            throw Error(error, token.Start, token.End);
        }

        return value!;
    }

    /// <summary>
    /// One or more adjacent string literals, concatenated as CPython does: a str or bytes constant, or a
    /// JoinedStr when an f-string takes part (3.14: a TemplateStr for t-strings). Literal text between
    /// replacement fields becomes one constant spanning the text it came from.
    /// </summary>
    private Expr ParseStrings()
    {
        var first = Peek();
        var start = first.Start;
        if (first.Kind == TokenKind.String && PeekKind(1) is not (TokenKind.String or TokenKind.FStringStart or TokenKind.TStringStart))
        {
            Advance();
            return PlainString(first);
        }

        var mark = Mark();
        var pieces = new PendingText();
        bool anyBytes = false, anyText = false, anyFormatted = false, anyTemplate = false;
        while (Kind is TokenKind.String or TokenKind.FStringStart or TokenKind.TStringStart)
        {
            var token = Advance();
            var prefix = PrefixOf(token);
            if (token.Kind == TokenKind.String)
            {
                if ((prefix & StringPrefix.Bytes) != 0)
                {
                    anyBytes = true;
                    DecodeBytes(token, prefix);
                }
                else
                {
                    anyText = true;
                    DecodeStrBody(token, prefix);
                    pieces.Extend(token.Span, UnicodeKind(token));
                }
            }
            else
            {
                anyFormatted |= token.Kind == TokenKind.FStringStart;
                anyTemplate |= token.Kind == TokenKind.TStringStart;
                ParseFStringBody(token, (prefix & StringPrefix.Raw) != 0, ref pieces);
            }
        }

        var span = SpanFrom(start);
        if (anyBytes && (anyText || anyFormatted || anyTemplate))
        {
            DropTo(mark);
            _bytes.Clear();
            pieces.Discard(this);
            throw Error("cannot mix bytes and nonbytes literals", Peek().Start, Peek().End);
        }

        if (anyBytes)
        {
            var value = ImmutableArray.Create(_bytes.AsSpan());
            _bytes.Clear();
            return new ExprConstant(value, null, span);
        }

        if (anyTemplate && (anyText || anyFormatted))
        {
            DropTo(mark);
            pieces.Discard(this);
            throw Error("cannot mix t-string literals with string or bytes literals", span);
        }

        if (!anyFormatted && !anyTemplate)
        {
            return pieces.ToConstant(this, span);
        }

        pieces.Flush(this);
        var values = PopArray<Expr>(mark);
        return anyTemplate ? new ExprTemplateStr(values, span) : new ExprJoinedStr(values, span);
    }

    /// <summary>Constant.kind: "u" for a literal written with a lower-case u prefix (CPython checks exactly that).</summary>
    private string? UnicodeKind(in Token token) => _text[token.Start] == 'u' ? "u" : null;

    private StringPrefix PrefixOf(in Token token)
    {
        var prefix = StringPrefix.None;
        for (var i = token.Start; _text[i] is not ('\'' or '"'); i++)
        {
            prefix |= (_text[i] | 0x20) switch
            {
                'r' => StringPrefix.Raw,
                'b' => StringPrefix.Bytes,
                'u' => StringPrefix.Unicode,
                'f' => StringPrefix.Formatted,
                _ => StringPrefix.Template,
            };
        }

        return prefix;
    }

    private ExprConstant PlainString(in Token token)
    {
        var prefix = PrefixOf(token);
        var kind = UnicodeKind(token);
        if ((prefix & StringPrefix.Bytes) != 0)
        {
            DecodeBytes(token, prefix);
            var bytes = ImmutableArray.Create(_bytes.AsSpan());
            _bytes.Clear();
            return new ExprConstant(bytes, null, token.Span);
        }

        var (bodyStart, bodyEnd) = token.StringBody(_text);
        var body = _text.AsSpan(bodyStart, bodyEnd - bodyStart);
        if (body.IndexOfAny('\\', '\r') < 0)
        {
            return new ExprConstant(_text.Substring(bodyStart, bodyEnd - bodyStart), kind, token.Span);
        }

        DecodeStrBody(token, prefix);
        return MakeStrConstant(kind, token.Span);
    }

    /// <summary>Creates a constant from the decoded characters and clears the buffer.</summary>
    private ExprConstant MakeStrConstant(string? kind, TextSpan span)
    {
        var constant = new ExprConstant(_chars.AsSpan().ToString(), kind, span);
        if (_escapedSurrogates is { Count: > 0 } escaped)
        {
            RecordSplitSurrogates(constant, escaped);
            escaped.Clear();
        }

        _chars.Clear();
        return constant;
    }

    private void RecordSplitSurrogates(ExprConstant constant, List<int> escaped)
    {
        var value = (string)constant.Value!;
        var splits = new List<int>();
        foreach (var index in escaped)
        {
            // An escape-made surrogate is its own code point; if .NET pairs it with a neighbour, remember the split.
            if (char.IsHighSurrogate(value[index]) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
            {
                splits.Add(index);
            }
            else if (char.IsLowSurrogate(value[index]) && index > 0 && char.IsHighSurrogate(value[index - 1]) && !splits.Contains(index - 1))
            {
                splits.Add(index - 1);
            }
        }

        if (splits.Count > 0)
        {
            (_splitSurrogates ??= [])[constant] = [.. splits];
        }
    }

    private void DecodeStrBody(in Token token, StringPrefix prefix)
    {
        var (bodyStart, bodyEnd) = token.StringBody(_text);
        DecodeStrText(token.Span, bodyStart, bodyEnd, (prefix & StringPrefix.Raw) != 0, undoubleBraces: false);
    }

    private void DecodeStrText(TextSpan errorSpan, int start, int end, bool raw, bool undoubleBraces)
    {
        var body = _text.AsSpan(start, end - start);
        if (!StringDecoder.TryDecodeStr(body, raw, undoubleBraces, _chars, ref _escapedSurrogates, out var error))
        {
            _chars.Clear();
            throw Error($"(unicode error) {error.DecodeErrorMessage("unicodeescape", body)}", errorSpan);
        }
    }

    /// <summary>Literal text of an f-string; CPython reports its escape errors at the token after it.</summary>
    private void DecodeMiddle(Token middle, bool raw, bool undoubleBraces) =>
        DecodeStrText(Peek().Span, middle.Start, middle.End, raw, undoubleBraces);

    private void DecodeBytes(in Token token, StringPrefix prefix)
    {
        var (bodyStart, bodyEnd) = token.StringBody(_text);
        var body = _text.AsSpan(bodyStart, bodyEnd - bodyStart);
        if (!System.Text.Ascii.IsValid(body))
        {
            _bytes.Clear();
            throw Error("bytes can only contain ASCII literal characters", token.Span);
        }

        if (!StringDecoder.TryDecodeBytes(body, (prefix & StringPrefix.Raw) != 0, _bytes, out var error))
        {
            _bytes.Clear();
            throw Error($"(value error) {error.Reason}", token.Span);
        }
    }

    /// <summary>
    /// Literal text waiting to become a constant: adjacent pieces (string tokens, f-string text, the text
    /// of a self-documenting "{x=}") merge into one constant spanning from the first piece to the last.
    /// The run's kind is 'u' when its first piece is a u"..." literal, as in CPython; a run whose text is
    /// empty yields no constant.
    /// </summary>
    private struct PendingText()
    {
        private int _start = -1;
        private int _end;
        private string? _kind;

        /// <summary>Adds the piece just decoded into the parser's buffer.</summary>
        public void Extend(TextSpan span, string? kind)
        {
            if (_start < 0)
            {
                _start = span.Start;
                _kind = kind;
            }

            _end = span.End;
        }

        /// <summary>Pushes the pending text as a constant on the parser's node stack.</summary>
        public void Flush(Parser parser)
        {
            if (_start < 0)
            {
                return;
            }

            if (parser._chars.Length > 0)
            {
                parser.Push(parser.MakeStrConstant(_kind, new TextSpan(_start, _end)));
            }
            else
            {
                parser._escapedSurrogates?.Clear();
            }

            _start = -1;
        }

        /// <summary>The pending text taken out, so nested strings can use the buffer; see <see cref="Restore"/>.</summary>
        public Taken? Take(Parser parser)
        {
            if (_start < 0)
            {
                return null;
            }

            var escaped = parser._escapedSurrogates is { Count: > 0 } e ? new List<int>(e) : null;
            var taken = new Taken(parser._chars.AsSpan().ToString(), new TextSpan(_start, _end), _kind, escaped);
            parser._escapedSurrogates?.Clear();
            parser._chars.Clear();
            _start = -1;
            return taken;
        }

        /// <summary>Puts taken text back at the front of the (empty) buffer.</summary>
        public void Restore(Parser parser, Taken? taken)
        {
            if (taken is null)
            {
                return;
            }

            parser._chars.Append(taken.Text);
            if (taken.Escaped is { } escaped)
            {
                (parser._escapedSurrogates ??= []).AddRange(escaped);
            }

            _start = taken.Span.Start;
            _end = taken.Span.End;
            _kind = taken.Kind;
        }

        public ExprConstant ToConstant(Parser parser, TextSpan span)
        {
            _start = -1;
            return parser.MakeStrConstant(_kind, span);
        }

        public void Discard(Parser parser)
        {
            parser._chars.Clear();
            parser._escapedSurrogates?.Clear();
            _start = -1;
        }
    }

    private sealed record Taken(string Text, TextSpan Span, string? Kind, List<int>? Escaped);

    /// <summary>The parts of one f-string (or t-string) after its start token, through its end token.</summary>
    private void ParseFStringBody(in Token startToken, bool raw, ref PendingText pieces)
    {
        var template = startToken.Kind == TokenKind.TStringStart;
        while (true)
        {
            var token = Peek();
            switch (token.Kind)
            {
                case TokenKind.FStringMiddle or TokenKind.TStringMiddle:
                    Advance();
                    DecodeMiddle(token, raw, undoubleBraces: true);
                    pieces.Extend(token.Span, null);
                    break;
                case TokenKind.LeftBrace:
                    ParseReplacementField(raw, template, ref pieces);
                    break;
                case TokenKind.FStringEnd or TokenKind.TStringEnd:
                    Advance();
                    return;
                default:
                    throw InvalidSyntax();
            }
        }
    }

    /// <summary>
    /// '{' expression ['='] ['!' conversion] [':' format_spec] '}' — pushes the pending literal text (which
    /// absorbs the "x=" text of a self-documenting field) and then the FormattedValue or Interpolation.
    /// </summary>
    private void ParseReplacementField(bool raw, bool template, ref PendingText pieces)
    {
        var taken = pieces.Take(this);
        var open = Advance();
        var first = Peek();
        switch (first.Kind)
        {
            case TokenKind.Equal or TokenKind.Exclamation or TokenKind.Colon or TokenKind.RightBrace:
                throw Error($"f-string: valid expression required before '{Keywords.Spelling(first.Kind)}'", first.Start, first.End);
        }

        var startsValue = StartsExpression(first.Kind) || first.Kind == TokenKind.Yield
            || (first.Kind == TokenKind.Star && StartsExpression(PeekKind(1)));
        if (!startsValue)
        {
            throw Error("f-string: expecting a valid expression after '{'", first.Start, first.End);
        }

        var value = Kind == TokenKind.Yield ? ParseYield() : ParseStarExpressions();
        if (StartsExpression(Kind))
        {
            throw ForgotCommaOrInvalidSyntax(value);
        }

        var expressionEnd = CurrentStart;
        string? debugText = null;
        TextSpan debugSpan = default;
        if (Kind == TokenKind.Equal)
        {
            var equal = Advance();
            debugSpan = new TextSpan(open.End, CurrentStart);
            debugText = DebugText(open.End, CurrentStart);
            expressionEnd = equal.Start;
        }

        var conversion = -1;
        if (Kind == TokenKind.Exclamation)
        {
            conversion = ParseConversion();
        }

        Expr? formatSpec = null;
        if (Kind == TokenKind.Colon)
        {
            var colon = Advance();
            formatSpec = ParseFormatSpec(colon.Start, raw, template);
        }

        if (Kind != TokenKind.RightBrace)
        {
            var at = Peek();
            var message = formatSpec is not null ? "f-string: expecting '}', or format specs"
                : conversion != -1 ? "f-string: expecting ':' or '}'"
                : debugText is not null ? "f-string: expecting '!', or ':', or '}'"
                : "f-string: expecting '=', or '!', or ':', or '}'";
            throw Error(message, at.Start, at.End);
        }

        var close = Advance();
        if (debugText is not null && conversion == -1 && formatSpec is null)
        {
            conversion = 'r';
        }

        pieces.Restore(this, taken);
        if (debugText is not null)
        {
            _chars.Append(debugText);
            pieces.Extend(debugSpan, null);
        }

        pieces.Flush(this);
        var span = new TextSpan(open.Start, close.End);
        if (template)
        {
            var expressionText = _text.Substring(open.End, expressionEnd - open.End);
            Push(new ExprInterpolation(value, expressionText, conversion, formatSpec, span));
        }
        else
        {
            Push(new ExprFormattedValue(value, conversion, formatSpec, span));
        }
    }

    /// <summary>The source text of a self-documenting field, without its comments, newlines as "\n".</summary>
    private string DebugText(int start, int end)
    {
        var builder = new System.Text.StringBuilder(end - start);
        var position = start;
        foreach (var comment in _lexer.Comments)
        {
            if (comment.Start >= start && comment.End <= end)
            {
                builder.Append(_text, position, comment.Start - position);
                position = comment.End;
            }
        }

        builder.Append(_text, position, end - position);
        return builder.Replace("\r\n", "\n").Replace('\r', '\n').ToString();
    }

    private int ParseConversion()
    {
        var bang = Advance();
        var name = Peek();
        if (name.Kind != TokenKind.Name)
        {
            throw name.Kind is TokenKind.Colon or TokenKind.RightBrace
                ? Error("f-string: missing conversion character", name.Start, name.End)
                : Error("f-string: invalid conversion character", name.Start, name.End);
        }

        if (name.Start != bang.End)
        {
            throw Error("f-string: conversion type must come right after the exclamanation mark", bang.Start, name.End);
        }

        Advance();
        var letter = _text.AsSpan(name.Start, name.End - name.Start);
        return letter switch
        {
            "s" => 's',
            "r" => 'r',
            "a" => 'a',
            _ => throw Error($"f-string: invalid conversion character '{letter}': expected 's', 'r', or 'a'", name.Start, name.End),
        };
    }

    /// <summary>The format spec after ':' as a JoinedStr of its text and nested fields, spanning from the colon.</summary>
    private Expr ParseFormatSpec(int colonStart, bool raw, bool template)
    {
        var mark = Mark();
        var pieces = new PendingText();
        while (true)
        {
            var token = Peek();
            if (token.Kind is TokenKind.FStringMiddle or TokenKind.TStringMiddle)
            {
                Advance();
                DecodeMiddle(token, raw, undoubleBraces: false);
                pieces.Extend(token.Span, null);
            }
            else if (token.Kind == TokenKind.LeftBrace)
            {
                ParseReplacementField(raw, template, ref pieces);
            }
            else
            {
                break;
            }
        }

        pieces.Flush(this);
        return new ExprJoinedStr(PopArray<Expr>(mark), SpanFrom(colonStart));
    }
}
