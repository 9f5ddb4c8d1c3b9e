using System.Runtime.CompilerServices;

using PyGuard.Syntax.Text;
using PyGuard.Syntax.Text.Decoding;

namespace PyGuard.Syntax.Lexing;

/// <summary>
/// Turns decoded source into tokens exactly as CPython 3.13's tokenizer does, one token per call to
/// <see cref="Next"/>, without allocating per token. Handles universal newlines, indentation with
/// CPython's tab rules (a tab advances to the next multiple of 8 and is also checked against a tab size of
/// 1, so mixing that depends on the tab size is a TabError), implicit and explicit line joining, and
/// PEP 701 f-strings through a stack of modes. Errors are thrown as <see cref="PythonSyntaxException"/>
/// with CPython's wording. Comments are collected for <see cref="SyntaxTree.Comments"/>.
/// </summary>
internal sealed partial class Lexer
{
    private const int TabSize = 8;
    private const int MaxIndentLevels = 100;
    private const int MaxParenDepth = 200;

    private readonly string _text;
    private readonly int _length;
    private readonly PythonVersion _version;
    private readonly List<TextSpan> _comments = [];
    private int _pos;

    // Indentation: two stacks, columns with tabs to multiples of 8 and with tabs counting 1.
    private int[] _indents = new int[8];
    private int[] _altIndents = new int[8];
    private int _indentTop;
    private int _pendingIndents;
    private bool _atLineStart = true;

    // Whether the current logical line has produced a token, so EOF still owes a NEWLINE.
    private bool _lineHasTokens;

    // Open brackets (including the braces of f-string replacement fields) for mismatch messages.
    private readonly char[] _parenChars = new char[MaxParenDepth + 1];
    private readonly int[] _parenOffsets = new int[MaxParenDepth + 1];
    private int _parenDepth;
    private bool _finished;

    // Replacement characters standing for invalid UTF-8: fine in comments, an error in any token.
    private readonly InvalidUtf8? _invalidUtf8;
    private int _nextInvalid;

    public Lexer(string text, PythonVersion version, InvalidUtf8? invalidUtf8 = null)
    {
        _text = text;
        _length = text.Length;
        _version = version;
        _invalidUtf8 = invalidUtf8;
    }

    /// <summary>Spans of every comment read so far, '#' included, line ending excluded.</summary>
    public List<TextSpan> Comments => _comments;

    /// <summary>The bracket nesting at the current position, for the parser's error recovery checks.</summary>
    public int ParenDepth => _parenDepth;

    /// <summary>The innermost open bracket: its character and offset, or ('\0', -1).</summary>
    public (char Char, int Offset) InnermostOpenBracket =>
        _parenDepth > 0 ? (_parenChars[_parenDepth - 1], _parenOffsets[_parenDepth - 1]) : ('\0', -1);

    public Token Next()
    {
        var token = NextToken();
        if (_invalidUtf8 is not null)
        {
            ThrowIfInvalidUtf8(token);
        }

        return token;
    }

    /// <summary>A token made of bytes that were not UTF-8 is CPython's decode error for that token alone.</summary>
    private void ThrowIfInvalidUtf8(in Token token)
    {
        if (_invalidUtf8 is { } invalid && _nextInvalid < invalid.TextOffsets.Length && invalid.TextOffsets[_nextInvalid] < token.End)
        {
            // CPython reports a bad string at its start, any other token at the bad byte.
            var (start, end) = token.Kind == TokenKind.String ? token.StringBody(_text) : (token.Start, token.End);
            var at = token.Kind == TokenKind.String ? token.Start : invalid.TextOffsets[_nextInvalid];
            throw TokenizerError(invalid.DescribeRange(_text, start, end), at, at);
        }
    }

    private Token NextToken()
    {
        if (_modeCount > 0)
        {
            var fieldsOfMode = _fieldCount - _modes[_modeCount - 1].FieldBase;
            if (fieldsOfMode == 0 || _fields[_fieldCount - 1].InSpec)
            {
                return NextInFStringText();
            }
        }

        var commentStart = -1;
        while (true)
        {
            if (_pendingIndents != 0)
            {
                return EmitIndentChange();
            }

            if (_atLineStart)
            {
                _atLineStart = false;
                if (ReadIndentation())
                {
                    continue;
                }

                if (_pendingIndents != 0)
                {
                    return EmitIndentChange();
                }
            }

            SkipSpaces();
            if (_pos >= _length)
            {
                return AtEndOfFile();
            }

            var c = _text[_pos];
            switch (c)
            {
                case '#':
                    commentStart = _pos;
                    SkipComment();
                    continue;
                case '\n':
                case '\r':
                    {
                        // CPython's NEWLINE token starts where the comment before it starts.
                        var start = commentStart >= 0 ? commentStart : _pos;
                        ConsumeNewline();
                        _atLineStart = true;
                        if (_parenDepth > 0)
                        {
                            continue;
                        }

                        _lineHasTokens = false;
                        return new Token(TokenKind.NewLine, start, _pos);
                    }
                case '\\':
                    ReadLineContinuation();
                    continue;
            }

            _lineHasTokens = true;
            return ReadToken(c);
        }
    }

    private Token ReadToken(char c)
    {
        if (IsAsciiLetter(c) || c == '_' || c >= 0x80)
        {
            return ReadNameOrPrefixedString();
        }

        if (IsDigit(c) || (c == '.' && _pos + 1 < _length && IsDigit(_text[_pos + 1])))
        {
            return ReadNumber();
        }

        if (c is '\'' or '"')
        {
            return ReadString(_pos, _pos, StringPrefix.None);
        }

        return ReadOperator(c);
    }

    private Token AtEndOfFile()
    {
        if (_parenDepth > 0)
        {
            var (ch, offset) = InnermostOpenBracket;
            throw TokenizerError($"'{ch}' was never closed", offset, offset);
        }

        if (_lineHasTokens)
        {
            // CPython appends a newline to source that does not end with one.
            _lineHasTokens = false;
            _atLineStart = true;
            return new Token(TokenKind.NewLine, _length, _length);
        }

        if (_indentTop > 0)
        {
            _indentTop--;
            return new Token(TokenKind.Dedent, _length, _length);
        }

        _finished = true;
        return new Token(TokenKind.EndOfFile, _length, _length);
    }

    /// <summary>Whether the end-of-file token has been produced.</summary>
    public bool Finished => _finished;

    /// <summary>
    /// Reads the indentation of a new line. Returns true when the line is blank or holds only a comment:
    /// such lines neither change the indentation nor produce a NEWLINE.
    /// </summary>
    private bool ReadIndentation()
    {
        int col = 0, altCol = 0, continuationCol = -1;
        var text = _text;
        var pos = _pos;
        while (pos < text.Length)
        {
            var c = text[pos];
            if (c == ' ')
            {
                col++;
                altCol++;
            }
            else if (c == '\t')
            {
                col = (col / TabSize + 1) * TabSize;
                altCol++;
            }
            else if (c == '\f')
            {
                col = altCol = 0;
            }
            else if (c == '\\' && _parenDepth == 0)
            {
                // Indentation cannot be split by a backslash: the first one fixes the level.
                if (continuationCol < 0)
                {
                    continuationCol = col;
                }

                _pos = pos;
                ReadLineContinuation();
                pos = _pos;
                continue;
            }
            else
            {
                break;
            }

            pos++;
        }

        _pos = pos;
        if (_pos >= _length)
        {
            // End of file: dedent everything (done in AtEndOfFile), nothing to compare.
            return false;
        }

        var next = _text[_pos];
        if (next is '#' or '\n' or '\r')
        {
            if (next == '#')
            {
                SkipComment();
            }

            if (_pos < _length)
            {
                ConsumeNewline();
            }

            _atLineStart = true;
            return true;
        }

        if (_parenDepth > 0)
        {
            return false;
        }

        if (continuationCol >= 0)
        {
            col = altCol = continuationCol;
        }

        var top = _indents[_indentTop];
        if (col == top)
        {
            if (altCol != _altIndents[_indentTop])
            {
                throw InconsistentTabs();
            }
        }
        else if (col > top)
        {
            if (_indentTop + 1 >= MaxIndentLevels)
            {
                throw StatusError("too many levels of indentation", _pos, _pos, SyntaxErrorKind.IndentationError);
            }

            if (altCol <= _altIndents[_indentTop])
            {
                throw InconsistentTabs();
            }

            if (_indentTop + 1 == _indents.Length)
            {
                Array.Resize(ref _indents, _indents.Length * 2);
                Array.Resize(ref _altIndents, _altIndents.Length * 2);
            }

            _indentTop++;
            _indents[_indentTop] = col;
            _altIndents[_indentTop] = altCol;
            _pendingIndents = 1;
        }
        else
        {
            while (_indentTop > 0 && col < _indents[_indentTop])
            {
                _indentTop--;
                _pendingIndents--;
            }

            if (col != _indents[_indentTop])
            {
                var lineEnd = LineEnd(_pos);
                throw StatusError("unindent does not match any outer indentation level", lineEnd, lineEnd, SyntaxErrorKind.IndentationError);
            }

            if (altCol != _altIndents[_indentTop])
            {
                throw InconsistentTabs();
            }
        }

        return false;
    }

    private PythonSyntaxException InconsistentTabs()
    {
        var lineStart = LineStart(_pos);
        return StatusError("inconsistent use of tabs and spaces in indentation", lineStart, lineStart, SyntaxErrorKind.TabError);
    }

    private Token EmitIndentChange()
    {
        if (_pendingIndents > 0)
        {
            _pendingIndents--;
            return new Token(TokenKind.Indent, LineStart(_pos), _pos);
        }

        _pendingIndents++;
        return new Token(TokenKind.Dedent, _pos, _pos);
    }

    private void SkipSpaces()
    {
        var text = _text;
        var pos = _pos;
        while ((uint)pos < (uint)text.Length && text[pos] is ' ' or '\t' or '\f')
        {
            pos++;
        }

        _pos = pos;
    }

    private void SkipComment()
    {
        var start = _pos;
        var length = _text.AsSpan(start).IndexOfAny('\n', '\r');
        _pos = length < 0 ? _length : start + length;
        _comments.Add(new TextSpan(start, _pos));
        if (_invalidUtf8 is { } invalid)
        {
            while (_nextInvalid < invalid.TextOffsets.Length && invalid.TextOffsets[_nextInvalid] < _pos)
            {
                _nextInvalid++;
            }
        }
    }

    private void ConsumeNewline()
    {
        if (_text[_pos] == '\r' && _pos + 1 < _length && _text[_pos + 1] == '\n')
        {
            _pos++;
        }

        _pos++;
    }

    /// <summary>A backslash must be followed by a newline; the two join the physical lines.</summary>
    private void ReadLineContinuation()
    {
        var backslash = _pos;
        _pos++;
        if (_pos >= _length)
        {
            throw StatusError("unexpected EOF while parsing", backslash + 1, backslash + 1);
        }

        if (_text[_pos] is not ('\n' or '\r'))
        {
            throw StatusError("unexpected character after line continuation character", backslash + 1, backslash + 1);
        }

        var newline = _pos;
        ConsumeNewline();
        if (_pos >= _length)
        {
            throw StatusError("unexpected EOF while parsing", newline, newline);
        }
    }

    private void OpenBracket(char c, int offset)
    {
        if (_parenDepth >= MaxParenDepth)
        {
            throw TokenizerError("too many nested parentheses", offset, offset + 1);
        }

        _parenChars[_parenDepth] = c;
        _parenOffsets[_parenDepth] = offset;
        _parenDepth++;
    }

    private void CloseBracket(char c, int offset)
    {
        if (_parenDepth == 0)
        {
            throw TokenizerError($"unmatched '{c}'", offset, offset);
        }

        var open = _parenChars[_parenDepth - 1];
        var expected = open switch { '(' => ')', '[' => ']', _ => '}' };
        if (c != expected)
        {
            var openOffset = _parenOffsets[_parenDepth - 1];
            var message = LineStart(openOffset) == LineStart(offset)
                ? $"closing parenthesis '{c}' does not match opening parenthesis '{open}'"
                : $"closing parenthesis '{c}' does not match opening parenthesis '{open}' on line {LineNumber(openOffset)}";
            throw TokenizerError(message, offset, offset);
        }

        _parenDepth--;
    }

    private int LineStart(int offset)
    {
        while (offset > 0 && _text[offset - 1] is not ('\n' or '\r'))
        {
            offset--;
        }

        return offset;
    }

    private int LineEnd(int offset)
    {
        while (offset < _length && _text[offset] is not ('\n' or '\r'))
        {
            offset++;
        }

        return offset;
    }

    /// <summary>
    /// The line CPython names in "(detected at line N)": where the newline or the end of the file was
    /// met; at the end, the last line that has text (a final newline does not start another line).
    /// </summary>
    private int DetectedAtLine(int offset) => LineNumber(offset >= _length ? Math.Max(0, _length - 1) : offset);

    /// <summary>The 1-based line of an offset; only used to word error messages.</summary>
    private int LineNumber(int offset)
    {
        var line = 1;
        for (var i = 0; i < offset && i < _length; i++)
        {
            var c = _text[i];
            if (c == '\n' || (c == '\r' && (i + 1 >= _length || _text[i + 1] != '\n')))
            {
                line++;
            }
        }

        return line;
    }

    private static PythonSyntaxException TokenizerError(string message, int start, int end, SyntaxErrorKind kind = SyntaxErrorKind.SyntaxError) =>
        new(message, kind, start, end) { FromTokenizer = true };

    private static PythonSyntaxException StatusError(string message, int start, int end, SyntaxErrorKind kind = SyntaxErrorKind.SyntaxError) =>
        new(message, kind, start, end) { FromTokenizer = true, YieldsToParserError = true };

    // Character tests run for every character of the source; forced inline, as the JIT without profile
    // data (ahead-of-time compilation, or before tiering) would call them.

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNameChar(char c) => IsAsciiLetter(c) || IsDigit(c) || c == '_' || c >= 0x80;
}
