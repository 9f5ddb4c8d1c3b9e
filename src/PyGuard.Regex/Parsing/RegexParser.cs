using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using PyGuard.Regex.Parsing.Ast;
using PyGuard.Regex.Parsing.Generated;
using PyGuard.Regex.Parsing.Unicode;

namespace PyGuard.Regex.Parsing;

/// <summary>The outcome of parsing: a tree, CPython's error, or a reason the pattern was not parsed at all.</summary>
public sealed record RegexParseResult(RegexTree? Tree, RegexSyntaxError? Error, string? NotParsedReason);

/// <summary>
/// Parses a pattern of Python's `re` dialect exactly as CPython 3.13's `re.compile` accepts it. Never
/// throws for any input: an invalid pattern gives CPython's error, and a pattern nested too deeply to parse
/// safely gives <see cref="RegexParseResult.NotParsedReason"/>. Thread-safe.
/// </summary>
public static class RegexParser
{
    /// <summary>
    /// Deeper nesting is refused before ANTLR's recursive-descent parser sees it (the parser, the builder and
    /// every later layer recurse once per group, and a stack overflow cannot be caught in .NET). CPython
    /// itself recurses once per group too.
    /// </summary>
    public const int MaxNestingDepth = 200;

    public static RegexParseResult Parse(string pattern, RegexFlags flags = RegexFlags.None) =>
        Parse(PythonText.CodePoints(pattern), isBytes: false, flags);

    public static RegexParseResult Parse(ReadOnlySpan<byte> pattern, RegexFlags flags = RegexFlags.None)
    {
        var codePoints = new int[pattern.Length];
        for (var i = 0; i < pattern.Length; i++)
        {
            codePoints[i] = pattern[i];
        }

        return Parse(codePoints, isBytes: true, flags);
    }

    internal static RegexParseResult Parse(int[] codePoints, bool isBytes, RegexFlags flags)
    {
        if (NestingDepth(codePoints) > MaxNestingDepth)
        {
            return new RegexParseResult(null, null, $"the pattern nests groups deeper than {MaxNestingDepth} levels");
        }

        var source = new PatternSource(codePoints, isBytes);
        var lexer = new PythonRegexLexer(CodePointCharStream(codePoints), (flags & RegexFlags.Verbose) != 0);
        var tokens = new CommonTokenStream(lexer);
        tokens.Fill();
        var parser = new PythonRegexParser(tokens) { BuildParseTree = true };
        parser.RemoveErrorListeners();
        var tree = ParseTwoStage(parser, tokens);
        var supersededFrom = TrailingBackslashDetection(tokens, tree.trailing()?.Start.StartIndex ?? int.MaxValue);
        try
        {
            return new RegexParseResult(new RegexAstBuilder(source, flags).Build(tree), null, null);
        }
        catch (PatternError error)
        {
            if (supersededFrom != int.MaxValue && error.DetectedAt >= supersededFrom)
            {
                // sre's tokenizer meets the lone trailing backslash when it steps past the token before it.
                return new RegexParseResult(null, ToSyntaxError(source, "bad escape (end of pattern)", source.Length - 1), null);
            }

            return new RegexParseResult(null, ToSyntaxError(source, error.Message, error.Position), null);
        }
    }

    /// <summary>
    /// SLL prediction is enough for this grammar (it has no construct that needs full-context LL), and
    /// it is what keeps a cold parse cheap; LL is the fallback ANTLR recommends should SLL ever bail.
    /// </summary>
    private static PythonRegexParser.PatternContext ParseTwoStage(PythonRegexParser parser, CommonTokenStream tokens)
    {
        parser.Interpreter.PredictionMode = PredictionMode.SLL;
        parser.ErrorHandler = new BailErrorStrategy();
        try
        {
            return parser.pattern();
        }
        catch (ParseCanceledException)
        {
            tokens.Seek(0);
            parser.Reset();
            parser.Interpreter.PredictionMode = PredictionMode.LL;
            parser.ErrorHandler = new BailErrorStrategy();
            return parser.pattern();
        }
    }

    /// <summary>
    /// Where sre would meet a lone backslash at the end (when it steps past the token before it), or
    /// <see cref="int.MaxValue"/> when there is none or it lies after an unbalanced ')' that sre never passes.
    /// </summary>
    private static int TrailingBackslashDetection(CommonTokenStream tokens, int unbalancedAt)
    {
        var all = tokens.GetTokens();
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].Type == PythonRegexLexer.ESC_END && all[i].StartIndex < unbalancedAt)
            {
                return i > 0 ? all[i - 1].StartIndex : all[i].StartIndex;
            }
        }

        return int.MaxValue;
    }

    private static RegexSyntaxError ToSyntaxError(PatternSource source, string message, int? position)
    {
        var hasNewline = Array.IndexOf(source.CodePoints, '\n') >= 0;
        if (position is not { } pos)
        {
            return new RegexSyntaxError(message, null, 0, 0) { PatternHasNewline = hasNewline };
        }

        var line = 1;
        var lastNewline = -1;
        for (var i = 0; i < pos && i < source.Length; i++)
        {
            if (source.CodePoints[i] == '\n')
            {
                line++;
                lastNewline = i;
            }
        }

        return new RegexSyntaxError(message, pos, line, pos - lastNewline) { PatternHasNewline = hasNewline };
    }

    /// <summary>
    /// ANTLR's string stream counts code points, so its indices are CPython's positions. (Two lone
    /// surrogates that form a pair are read as the one character they spell.)
    /// </summary>
    private static ICharStream CodePointCharStream(int[] codePoints) =>
        CharStreams.fromString(PythonText.FromCodePoints(codePoints));

    /// <summary>An upper bound of the group nesting (parentheses outside classes, escapes skipped).</summary>
    private static int NestingDepth(int[] codePoints)
    {
        int depth = 0, max = 0;
        var inClass = false;
        for (var i = 0; i < codePoints.Length; i++)
        {
            switch (codePoints[i])
            {
                case '\\':
                    i++;
                    break;
                case '[' when !inClass:
                    inClass = true;
                    break;
                case ']' when inClass:
                    inClass = false;
                    break;
                case '(' when !inClass:
                    max = Math.Max(max, ++depth);
                    break;
                case ')' when !inClass:
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        return max;
    }
}
