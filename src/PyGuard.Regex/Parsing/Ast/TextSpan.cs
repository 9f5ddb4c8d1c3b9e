namespace PyGuard.Regex.Parsing.Ast;

/// <summary>A stretch of the pattern in code points (bytes for a bytes pattern), as CPython counts positions.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    public TextSpan Cover(TextSpan other) => FromBounds(Math.Min(Start, other.Start), Math.Max(End, other.End));
}
