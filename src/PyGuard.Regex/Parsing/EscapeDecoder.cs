using System.Globalization;
using PyGuard.Regex.Parsing.Ast;
using PyGuard.Regex.Parsing.Generated;
using PyGuard.Regex.Parsing.Unicode;

namespace PyGuard.Regex.Parsing;

/// <summary>What an escape stands for.</summary>
internal abstract record Escape;

internal sealed record LiteralEscape(int CodePoint) : Escape;

internal sealed record CategoryEscape(CategoryKind Kind) : Escape;

internal sealed record AnchorEscape(AnchorKind Kind) : Escape;

/// <summary>A numeric group reference `\1`..`\99`, checked against the group table by the builder.</summary>
internal sealed record GroupReferenceEscape(int Group) : Escape;

/// <summary>
/// The meaning of an escape token, with the messages and positions of sre_parse's _escape (outside a class)
/// and _class_escape (inside one).
/// </summary>
internal sealed class EscapeDecoder(PatternSource source)
{
    public Escape Decode(int tokenType, int start, int end, bool inClass)
    {
        switch (tokenType)
        {
            case PythonRegexLexer.ESC_END:
                throw source.Error("bad escape (end of pattern)", source.Length - 1);
            case PythonRegexLexer.ESC_HEX:
                return new LiteralEscape(Hex(start + 2, end));
            case PythonRegexLexer.ESC_HEX_INCOMPLETE:
                throw source.Error("incomplete escape " + source.Text(start, end), start);
            case PythonRegexLexer.ESC_U4 or PythonRegexLexer.ESC_U4_INCOMPLETE
                or PythonRegexLexer.ESC_U8 or PythonRegexLexer.ESC_U8_INCOMPLETE when source.IsBytes:
                throw BadEscape(start, start + 2);
            case PythonRegexLexer.ESC_U4:
                return new LiteralEscape(Hex(start + 2, end));
            case PythonRegexLexer.ESC_U8:
                var value = Hex(start + 2, end);
                return value <= 0x10FFFF ? new LiteralEscape(value) : throw BadEscape(start, end);
            case PythonRegexLexer.ESC_U4_INCOMPLETE or PythonRegexLexer.ESC_U8_INCOMPLETE:
                throw source.Error("incomplete escape " + source.Text(start, end), start);
            case PythonRegexLexer.ESC_NAMED or PythonRegexLexer.ESC_NAMED_UNTERMINATED:
                return Named(tokenType, start, end);
            case PythonRegexLexer.ESC_OCTAL_ZERO:
                return new LiteralEscape(Octal(start + 1, end));
            case PythonRegexLexer.ESC_OCTAL3 or PythonRegexLexer.CLASS_OCTAL:
                var octal = Octal(start + 1, end);
                return octal <= 0xFF
                    ? new LiteralEscape(octal)
                    : throw source.Error($"octal escape value {source.Text(start, end)} outside of range 0-0o377", start);
            case PythonRegexLexer.ESC_BACKREF:
                return new GroupReferenceEscape(int.Parse(source.Text(start + 1, end), CultureInfo.InvariantCulture));
            default:
                return Simple(start, inClass);
        }
    }

    /// <summary>A backslash and one character: a category, an anchor, a control escape or the character itself.</summary>
    private Escape Simple(int start, bool inClass)
    {
        var c = source.At(start + 1);
        if (inClass)
        {
            if (ControlEscape(c, inClass: true) is { } control)
            {
                return new LiteralEscape(control);
            }

            if (Category(c) is { } category)
            {
                return new CategoryEscape(category);
            }
        }
        else
        {
            if (Category(c) is { } category)
            {
                return new CategoryEscape(category);
            }

            if (Anchor(c) is { } anchor)
            {
                return new AnchorEscape(anchor);
            }

            if (ControlEscape(c, inClass: false) is { } control)
            {
                return new LiteralEscape(control);
            }
        }

        if (c == 'N' && !source.IsBytes)
        {
            // `\N` not followed by `{`.
            throw source.Error("missing {", start + 2);
        }

        if (c is >= '0' and <= '9' || c is >= 'a' and <= 'z' || c is >= 'A' and <= 'Z')
        {
            throw BadEscape(start, start + 2);
        }

        return new LiteralEscape(c);
    }

    private Escape Named(int tokenType, int start, int end)
    {
        if (source.IsBytes)
        {
            throw BadEscape(start, start + 2);
        }

        var nameStart = start + 3;
        if (tokenType == PythonRegexLexer.ESC_NAMED_UNTERMINATED)
        {
            throw nameStart == end
                ? source.Error("missing character name", end)
                : source.Error("missing }, unterminated name", nameStart);
        }

        var nameEnd = end - 1;
        if (nameStart == nameEnd)
        {
            throw source.Error("missing character name", nameEnd);
        }

        var name = source.Text(nameStart, nameEnd);
        return UnicodeNames.Lookup(name) is { } cp
            ? new LiteralEscape(cp)
            : throw source.Error("undefined character name " + source.Repr(nameStart, nameEnd), start);
    }

    private PatternError BadEscape(int start, int end) => source.Error("bad escape " + source.Text(start, end), start);

    private int Hex(int start, int end) =>
        int.Parse(source.Text(start, end), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    private int Octal(int start, int end)
    {
        var value = 0;
        for (var i = start; i < end; i++)
        {
            value = value * 8 + (source.At(i) - '0');
        }

        return value;
    }

    private static CategoryKind? Category(int c) => c switch
    {
        'd' => CategoryKind.Digit,
        'D' => CategoryKind.NotDigit,
        's' => CategoryKind.Space,
        'S' => CategoryKind.NotSpace,
        'w' => CategoryKind.Word,
        'W' => CategoryKind.NotWord,
        _ => null,
    };

    private static AnchorKind? Anchor(int c) => c switch
    {
        'A' => AnchorKind.StringStart,
        'Z' => AnchorKind.StringEnd,
        'b' => AnchorKind.WordBoundary,
        'B' => AnchorKind.NotWordBoundary,
        _ => null,
    };

    private static int? ControlEscape(int c, bool inClass) => c switch
    {
        'a' => 7,
        'b' when inClass => 8,
        'f' => 12,
        'n' => 10,
        'r' => 13,
        't' => 9,
        'v' => 11,
        '\\' => '\\',
        _ => null,
    };
}
