namespace PyGuard.Syntax.Lexing;

internal sealed partial class Lexer
{
    private const int MaxFStringNesting = 150;
    private const int MaxFieldsPerFString = 3;

    private FStringMode[] _modes = new FStringMode[4];
    private int _modeCount;
    private FieldState[] _fields = new FieldState[4];
    private int _fieldCount;

    /// <summary>An f-string being read: its quotes, and where its replacement fields start on the field stack.</summary>
    private struct FStringMode
    {
        public int Start;
        public char Quote;
        public bool Triple;
        public bool Raw;
        public bool Template;
        public int FieldBase;
    }

    /// <summary>An open replacement field: the bracket depth just inside its '{', and whether its format spec has begun.</summary>
    private struct FieldState
    {
        public int ParenDepth;
        public bool InSpec;

        /// <summary>A field nested in this one's format spec has been closed (changes how a newline ends the spec).</summary>
        public bool SpecHadField;
    }

    /// <summary>Closes the innermost field; the enclosing field, if its spec held it, remembers that.</summary>
    private void PopField()
    {
        _fieldCount--;
        if (_fieldCount > _modes[_modeCount - 1].FieldBase && _fields[_fieldCount - 1].InSpec)
        {
            _fields[_fieldCount - 1].SpecHadField = true;
        }
    }

    private void PushFStringMode(int start, char quote, bool triple, StringPrefix prefix)
    {
        if (_modeCount >= MaxFStringNesting)
        {
            throw TokenizerError("too many nested f-strings", start, start);
        }

        if (_modeCount == _modes.Length)
        {
            Array.Resize(ref _modes, _modes.Length * 2);
        }

        _modes[_modeCount++] = new FStringMode
        {
            Start = start,
            Quote = quote,
            Triple = triple,
            Raw = prefix.HasFlag(StringPrefix.Raw),
            Template = prefix.HasFlag(StringPrefix.Template),
            FieldBase = _fieldCount,
        };
    }

    /// <summary>The open replacement field of the innermost f-string whose expression is being read, if any.</summary>
    private bool InFieldExpressionAtDepth(int depth) =>
        _modeCount > 0
        && _fieldCount > _modes[_modeCount - 1].FieldBase
        && !_fields[_fieldCount - 1].InSpec
        && _fields[_fieldCount - 1].ParenDepth == depth;

    /// <summary>
    /// Reads the literal text of an f-string, or of a format spec: up to a replacement field, the end of
    /// the spec, or the closing quote. Doubled braces stay in the text (the parser undoubles them) so the
    /// token covers exactly the source CPython attributes to the resulting constant.
    /// </summary>
    private Token NextInFStringText()
    {
        ref var mode = ref _modes[_modeCount - 1];
        var inSpec = _fieldCount > mode.FieldBase;
        var middleKind = mode.Template ? TokenKind.TStringMiddle : TokenKind.FStringMiddle;
        var start = _pos;
        while (true)
        {
            if (_pos >= _length)
            {
                throw UnterminatedFString(ref mode);
            }

            var c = _text[_pos];
            if (c == mode.Quote && (!mode.Triple || (_pos + 2 < _length && _text[_pos + 1] == c && _text[_pos + 2] == c)))
            {
                if (_pos > start)
                {
                    return new Token(middleKind, start, _pos);
                }

                return EndFString(ref mode);
            }

            switch (c)
            {
                case '\n' or '\r' when !mode.Triple:
                    if (inSpec && !_fields[_fieldCount - 1].SpecHadField)
                    {
                        // CPython 3.13 ends a single-quoted f-string's format spec at a newline and reads
                        // the rest of the field as expression again (the text so far may be empty).
                        _fields[_fieldCount - 1].InSpec = false;
                        return new Token(middleKind, start, _pos);
                    }

                    throw UnterminatedFString(ref mode);
                case '\\':
                    _pos++;
                    if (_pos >= _length)
                    {
                        continue;
                    }

                    var escaped = _text[_pos];
                    if (!mode.Raw && escaped == 'N' && _pos + 1 < _length && _text[_pos + 1] == '{')
                    {
                        // \N{NAME}: the braces belong to the escape, not to a replacement field.
                        var close = _text.IndexOf('}', _pos + 2);
                        _pos = close < 0 ? _length : close + 1;
                    }
                    else if (escaped is not ('{' or '}'))
                    {
                        _pos += escaped == '\r' && _pos + 1 < _length && _text[_pos + 1] == '\n' ? 2 : 1;
                    }

                    continue;
                case '{':
                    if (!inSpec && _pos + 1 < _length && _text[_pos + 1] == '{')
                    {
                        _pos += 2;
                        continue;
                    }

                    if (_pos > start)
                    {
                        return new Token(middleKind, start, _pos);
                    }

                    return OpenField(ref mode);
                case '}':
                    if (inSpec)
                    {
                        if (_pos > start)
                        {
                            return new Token(middleKind, start, _pos);
                        }

                        return CloseField();
                    }

                    if (_pos + 1 < _length && _text[_pos + 1] == '}')
                    {
                        _pos += 2;
                        continue;
                    }

                    throw TokenizerError("f-string: single '}' is not allowed", _pos, _pos);
            }

            _pos++;
        }
    }

    private Token OpenField(ref FStringMode mode)
    {
        if (_fieldCount - mode.FieldBase >= MaxFieldsPerFString)
        {
            throw TokenizerError("f-string: expressions nested too deeply", _pos - 1, _pos - 1);
        }

        OpenBracket('{', _pos);
        if (_fieldCount == _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }

        _fields[_fieldCount++] = new FieldState { ParenDepth = _parenDepth, InSpec = false };
        _pos++;
        _lineHasTokens = true;
        return new Token(TokenKind.LeftBrace, _pos - 1, _pos);
    }

    private Token CloseField()
    {
        CloseBracket('}', _pos);
        PopField();
        _pos++;
        return new Token(TokenKind.RightBrace, _pos - 1, _pos);
    }

    private Token EndFString(ref FStringMode mode)
    {
        // A format spec cut short by the closing quote leaves fields open: drop them with their braces,
        // the parser reports the missing '}'.
        if (_fieldCount > mode.FieldBase)
        {
            _parenDepth = _fields[mode.FieldBase].ParenDepth - 1;
            _fieldCount = mode.FieldBase;
        }

        var kind = mode.Template ? TokenKind.TStringEnd : TokenKind.FStringEnd;
        var start = _pos;
        _pos += mode.Triple ? 3 : 1;
        _modeCount--;
        return new Token(kind, start, _pos);
    }

    private PythonSyntaxException UnterminatedFString(ref FStringMode mode)
    {
        var line = DetectedAtLine(_pos);
        var what = mode.Template ? "t-string" : "f-string";
        return mode.Triple
            ? TokenizerError($"unterminated triple-quoted {what} literal (detected at line {line})", mode.Start, mode.Start)
            : TokenizerError($"unterminated {what} literal (detected at line {line})", mode.Start, mode.Start);
    }
}
