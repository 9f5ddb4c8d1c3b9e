namespace PyGuard.Syntax.Lexing;

internal sealed partial class Lexer
{
    /// <summary>
    /// Reads a numeric literal with CPython's rules: single underscores between digits, radix prefixes,
    /// no leading zeros in non-zero decimal integers, and a letter right after the number is an error
    /// ("invalid decimal literal") except the start of a keyword that may follow a number (<c>1if x else y</c>),
    /// which CPython only warns about. The value is converted later, by <see cref="NumberParser"/>.
    /// </summary>
    private Token ReadNumber()
    {
        var start = _pos;
        var c = _text[_pos];
        if (c == '.')
        {
            _pos++;
            return ReadFraction(start);
        }

        if (c == '0' && _pos + 1 < _length)
        {
            var radix = _text[_pos + 1] | 0x20;
            if (radix is 'x' or 'o' or 'b')
            {
                _pos += 2;
                return ReadRadixInteger(start, radix);
            }
        }

        if (c == '0')
        {
            // Zeros, possibly with underscores: "0", "00", "0_0". A non-zero digit afterwards is only
            // allowed in a float or imaginary literal ("09.5", "09j").
            while (true)
            {
                if (Current == '_')
                {
                    _pos++;
                    if (!IsDigit(Current))
                    {
                        throw TokenizerError("invalid decimal literal", _pos - 1, _pos - 1);
                    }
                }

                if (Current != '0')
                {
                    break;
                }

                _pos++;
            }

            var zerosEnd = _pos;
            var nonZero = false;
            if (IsDigit(Current))
            {
                nonZero = true;
                ReadDecimalTail();
            }

            if (nonZero && Current is not ('.' or 'e' or 'E' or 'j' or 'J'))
            {
                throw TokenizerError(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    start, zerosEnd);
            }

            return ReadAfterIntegerPart(start);
        }

        ReadDecimalTail();
        return ReadAfterIntegerPart(start);
    }

    /// <summary>What may follow a decimal integer part: a fraction, an exponent, 'j', or the end of the number.</summary>
    private Token ReadAfterIntegerPart(int start)
    {
        switch (Current)
        {
            case '.':
                _pos++;
                return ReadFraction(start);
            case 'e' or 'E':
                return ReadExponent(start);
            case 'j' or 'J':
                return ReadImaginary(start);
        }

        VerifyEndOfNumber("decimal");
        return new Token(TokenKind.Number, start, _pos);
    }

    private char Current => _pos < _length ? _text[_pos] : '\0';

    /// <summary>Digits with single underscores between them; the first character is a digit.</summary>
    private void ReadDecimalTail()
    {
        while (true)
        {
            while (IsDigit(Current))
            {
                _pos++;
            }

            if (Current != '_')
            {
                return;
            }

            _pos++;
            if (!IsDigit(Current))
            {
                throw TokenizerError("invalid decimal literal", _pos - 1, _pos - 1);
            }
        }
    }

    /// <summary>After the '.': optional digits, then an optional exponent and imaginary suffix.</summary>
    private Token ReadFraction(int start)
    {
        if (IsDigit(Current))
        {
            ReadDecimalTail();
        }

        return Current == '.' ? FinishNumber(start) : ReadAfterIntegerPart(start);
    }

    private Token FinishNumber(int start)
    {
        VerifyEndOfNumber("decimal");
        return new Token(TokenKind.Number, start, _pos);
    }

    private Token ReadExponent(int start)
    {
        var e = _pos;
        _pos++;
        if (Current is '+' or '-')
        {
            _pos++;
            if (!IsDigit(Current))
            {
                throw TokenizerError("invalid decimal literal", _pos - 1, _pos - 1);
            }
        }
        else if (!IsDigit(Current))
        {
            // "1else": the e starts a keyword, not an exponent.
            _pos = e;
            VerifyEndOfNumber("decimal");
            return new Token(TokenKind.Number, start, _pos);
        }

        ReadDecimalTail();
        if (Current is 'j' or 'J')
        {
            return ReadImaginary(start);
        }

        VerifyEndOfNumber("decimal");
        return new Token(TokenKind.Number, start, _pos);
    }

    private Token ReadImaginary(int start)
    {
        _pos++;
        VerifyEndOfNumber("imaginary");
        return new Token(TokenKind.Number, start, _pos);
    }

    private Token ReadRadixInteger(int start, int radix)
    {
        var (kind, maxDigit) = radix switch
        {
            'x' => ("hexadecimal", 16),
            'o' => ("octal", 8),
            _ => ("binary", 2),
        };
        do
        {
            if (Current == '_')
            {
                _pos++;
            }

            if (!IsRadixDigit(Current, maxDigit))
            {
                if (maxDigit < 16 && IsDigit(Current))
                {
                    throw TokenizerError($"invalid digit '{Current}' in {kind} literal", _pos, _pos);
                }

                throw TokenizerError($"invalid {kind} literal", _pos - 1, _pos - 1);
            }

            do
            {
                _pos++;
            }
            while (IsRadixDigit(Current, maxDigit));
        }
        while (Current == '_');

        if (maxDigit < 16 && IsDigit(Current))
        {
            throw TokenizerError($"invalid digit '{Current}' in {kind} literal", _pos, _pos);
        }

        VerifyEndOfNumber(kind);
        return new Token(TokenKind.Number, start, _pos);
    }

    private static bool IsRadixDigit(char c, int radix) => c switch
    {
        >= '0' and <= '9' => c - '0' < radix,
        >= 'a' and <= 'f' or >= 'A' and <= 'F' => radix == 16,
        _ => false,
    };

    /// <summary>
    /// A number directly followed by a name character is an error, except the keywords that may follow a
    /// number in valid code (and, else, for, if, in, is, not, or), which CPython 3.13 still accepts.
    /// </summary>
    private void VerifyEndOfNumber(string kind)
    {
        var c = Current;
        if (c >= 0x80 || !(IsAsciiLetter(c) || IsDigit(c) || c == '_'))
        {
            return;
        }

        var rest = _text.AsSpan(_pos);
        var keywordFollows = c switch
        {
            'a' => rest.StartsWith("and"),
            'e' => rest.StartsWith("else"),
            'f' => rest.StartsWith("for"),
            'i' => rest.Length > 1 && rest[1] is 'f' or 'n' or 's',
            'o' => rest.StartsWith("or"),
            'n' => rest.StartsWith("not"),
            _ => false,
        };
        if (!keywordFollows)
        {
            throw TokenizerError($"invalid {kind} literal", _pos - 1, _pos - 1);
        }
    }
}
