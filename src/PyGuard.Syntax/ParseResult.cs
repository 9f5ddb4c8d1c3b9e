using System.Diagnostics.CodeAnalysis;

using PyGuard.Syntax.Text;

namespace PyGuard.Syntax;

/// <summary>The outcome of a parse: a tree, or the syntax error CPython would raise. Never both.</summary>
public sealed class ParseResult
{
    private ParseResult(SyntaxTree? tree, PythonSyntaxError? error, SourceText? text)
    {
        Tree = tree;
        Error = error;
        Text = text;
    }

    public SyntaxTree? Tree { get; }

    public PythonSyntaxError? Error { get; }

    /// <summary>The decoded source, when decoding succeeded (also on a syntax error, to show the offending line).</summary>
    public SourceText? Text { get; }

    [MemberNotNullWhen(true, nameof(Tree))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Tree is not null;

    internal static ParseResult Parsed(SyntaxTree tree) => new(tree, null, tree.Text);

    internal static ParseResult Failed(PythonSyntaxError error, SourceText? text) => new(null, error, text);
}
