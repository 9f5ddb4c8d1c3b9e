using System.Collections.Immutable;
using System.Runtime.InteropServices;

using PyGuard.Syntax.Parsing;
using PyGuard.Syntax.Text;
using PyGuard.Syntax.Text.Decoding;
using PyGuard.Syntax.Tree;

namespace PyGuard.Syntax;

/// <summary>
/// Parses Python source into a <see cref="SyntaxTree"/> exactly as CPython 3.13's <c>ast.parse</c> does,
/// or reports the <see cref="PythonSyntaxError"/> CPython would raise. Never throws for any input:
/// decoding problems, syntax errors, nesting beyond the parser's bounds and trees deeper than
/// <see cref="ParseOptions.MaxTreeDepth"/> all come back as an error. Thread-safe (each call is independent).
/// </summary>
public static class PythonParser
{
    /// <summary>Parses source bytes: coding cookie, byte order mark and UTF-8 default as for a file.</summary>
    public static ParseResult Parse(ReadOnlySpan<byte> source, ParseOptions? options = null)
    {
        DecodedSource decoded;
        try
        {
            decoded = SourceDecoder.Decode(source);
        }
        catch (PythonSyntaxException e)
        {
            return ParseResult.Failed(ToError(e, null), null);
        }

        return ParseText(decoded.Text, decoded.Encoding, options ?? ParseOptions.Default, decoded.Invalid);
    }

    /// <summary>Parses text already decoded, as <c>ast.parse(str)</c>: a coding cookie in it is ignored.</summary>
    public static ParseResult Parse(string text, ParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            SourceDecoder.CheckDecodedText(text);
        }
        catch (PythonSyntaxException e)
        {
            var source = new SourceText(text);
            return ParseResult.Failed(ToError(e, source), source);
        }

        return ParseText(text, null, options ?? ParseOptions.Default);
    }

    private static ParseResult ParseText(string text, string? encoding, ParseOptions options, InvalidUtf8? invalidUtf8 = null)
    {
        var source = new SourceText(text);
        var parser = new Parser(source, options, invalidUtf8);
        try
        {
            var root = parser.ParseModule();
            if (TreeDepth.Exceeds(root, options.MaxTreeDepth, out var deepest))
            {
                throw new PythonSyntaxException(
                    "maximum recursion depth exceeded during ast construction", SyntaxErrorKind.RecursionError, deepest.Span.Start, deepest.Span.Start);
            }

            var comments = CollectComments(source, parser.Lexer.Comments);
            return ParseResult.Parsed(new SyntaxTree(source, root, comments, encoding, options.Version, parser.SplitSurrogates));
        }
        catch (PythonSyntaxException e)
        {
            // An unexpected indent or unindent is final in CPython; other parser errors let the tokenizer speak.
            var final = e.FromTokenizer || e.Kind is SyntaxErrorKind.MemoryError or SyntaxErrorKind.RecursionError
                || e.Message is "unexpected indent" or "unexpected unindent";
            var reported = final ? e : TokenizerErrorAfter(parser, source, e);
            return ParseResult.Failed(ToError(reported, source), source);
        }
        finally
        {
            parser.ReleaseBuffers();
        }
    }

    /// <summary>
    /// CPython gives a tokenizer error precedence over a parser error: after the parser fails it reads
    /// the rest of the file, and an error the tokenizer finds there (an unterminated string, a bad
    /// indentation, a bracket opened on an earlier line and never closed) is what it reports.
    /// </summary>
    private static PythonSyntaxException TokenizerErrorAfter(Parser parser, SourceText source, PythonSyntaxException parserError)
    {
        var lexer = parser.Lexer;
        try
        {
            while (!lexer.Finished)
            {
                lexer.Next();
            }
        }
        catch (PythonSyntaxException tokenizerError)
        {
            if (tokenizerError.YieldsToParserError)
            {
                return parserError;
            }

            if (tokenizerError.Message.EndsWith("was never closed", StringComparison.Ordinal))
            {
                var errorLine = source.GetLineNumber(Math.Max(0, parserError.Start));
                var bracketLine = source.GetLineNumber(tokenizerError.Start);
                return errorLine > bracketLine ? tokenizerError : parserError;
            }

            return tokenizerError;
        }

        return parserError;
    }

    private static ImmutableArray<Comment> CollectComments(SourceText source, List<TextSpan> spans)
    {
        var comments = new Comment[spans.Count];
        for (var i = 0; i < comments.Length; i++)
        {
            comments[i] = new Comment(spans[i], source.Text.Substring(spans[i].Start, spans[i].Length));
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(comments);
    }

    private static PythonSyntaxError ToError(PythonSyntaxException e, SourceText? source)
    {
        if (e.FixedPosition is { } fixedPosition || source is null || e.Start < 0)
        {
            var (line, column) = e.FixedPosition ?? (1, 1);
            return new PythonSyntaxError(e.Message, e.Kind, line, column);
        }

        var start = Math.Min(e.Start, source.Length);
        var end = Math.Clamp(e.End, start, source.Length);
        var (startLine, startColumn) = source.GetCodePointPosition(start);
        var (endLine, endColumn) = source.GetCodePointPosition(end);
        return new PythonSyntaxError(e.Message, e.Kind, startLine, startColumn + 1, endLine, endColumn + 1, start);
    }
}
