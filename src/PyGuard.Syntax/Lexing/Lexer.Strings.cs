namespace PyGuard.Syntax.Lexing;

internal sealed partial class Lexer
{
    /// <summary>
    /// Reads a string literal whose prefix spans [<paramref name="start"/>, <paramref name="quote"/>). The
    /// token covers prefix, quotes and body; escapes are decoded later by <see cref="StringDecoder"/>.
    /// An f-string (or 3.14 t-string) only yields its start token here and continues in f-string mode.
    /// </summary>
    private Token ReadString(int start, int quote, StringPrefix prefix)
    {
        var q = _text[quote];
        var triple = quote + 2 < _length && _text[quote + 1] == q && _text[quote + 2] == q;
        var bodyStart = quote + (triple ? 3 : 1);
        if ((prefix & (StringPrefix.Formatted | StringPrefix.Template)) != 0)
        {
            _pos = bodyStart;
            PushFStringMode(start, q, triple, prefix);
            return new Token(prefix.HasFlag(StringPrefix.Template) ? TokenKind.TStringStart : TokenKind.FStringStart, start, bodyStart);
        }

        var pos = bodyStart;
        while (true)
        {
            // Plain IndexOfAny rather than SearchValues: no per-process set-up, which a gate that
            // parses one snippet per process pays in full.
            var found = triple ? _text.AsSpan(pos).IndexOfAny(q, '\\') : _text.AsSpan(pos).IndexOfAny(q, '\\', '\n');
            if (!triple)
            {
                var carriageReturn = _text.AsSpan(pos, found < 0 ? _length - pos : found).IndexOf('\r');
                if (carriageReturn >= 0)
                {
                    found = carriageReturn;
                }
            }

            if (found < 0)
            {
                throw UnterminatedString(start, q, triple, _length);
            }

            pos += found;
            var c = _text[pos];
            if (c == q)
            {
                if (!triple)
                {
                    _pos = pos + 1;
                    break;
                }

                if (pos + 2 < _length && _text[pos + 1] == q && _text[pos + 2] == q)
                {
                    _pos = pos + 3;
                    break;
                }

                pos++;
            }
            else if (c == '\\')
            {
                pos++;
                if (pos < _length)
                {
                    pos += _text[pos] == '\r' && pos + 1 < _length && _text[pos + 1] == '\n' ? 2 : 1;
                }
            }
            else
            {
                throw UnterminatedString(start, q, triple, pos);
            }
        }

        return new Token(TokenKind.String, start, _pos);
    }

    private PythonSyntaxException UnterminatedString(int start, char quote, bool triple, int detectedAt)
    {
        // Inside an f-string replacement field, a string that runs away with the f-string's own quote
        // means the field's '}' is missing.
        if (_modeCount > 0 && _modes[_modeCount - 1].Quote == quote && _modes[_modeCount - 1].Triple == triple)
        {
            return TokenizerError("f-string: expecting '}'", start, start);
        }

        var line = DetectedAtLine(detectedAt);
        return triple
            ? TokenizerError($"unterminated triple-quoted string literal (detected at line {line})", start, start)
            : TokenizerError($"unterminated string literal (detected at line {line})", start, start);
    }
}
