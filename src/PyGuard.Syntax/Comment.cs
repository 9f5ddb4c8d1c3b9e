using PyGuard.Syntax.Text;

namespace PyGuard.Syntax;

/// <summary>A comment: its span in the decoded source and its text from '#' to the end of the line (line ending excluded).</summary>
public readonly record struct Comment(TextSpan Span, string Text);
