using System.Collections.Immutable;
using PyGuard.Syntax.Text;
using PyGuard.Syntax.Tree;

namespace PyGuard.Syntax;

/// <summary>A comment in the source: its span (from the <c>#</c>) and its text (with the <c>#</c>).</summary>
public sealed record Comment(TextSpan Span, string Text);

/// <summary>A parsed file: the decoded text, the module node and the comments.</summary>
public sealed class SyntaxTree(SourceText text, ModModule root, ImmutableArray<Comment> comments, string? encoding)
{
    public SourceText Text { get; } = text;

    public ModModule Root { get; } = root;

    public ImmutableArray<Comment> Comments { get; } = comments;

    /// <summary>The encoding declared by a PEP 263 cookie, if any.</summary>
    public string? Encoding { get; } = encoding;
}
