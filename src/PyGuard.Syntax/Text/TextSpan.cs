namespace PyGuard.Syntax.Text;

/// <summary>
/// A half-open range [<see cref="Start"/>, <see cref="End"/>) of UTF-16 offsets into a decoded
/// <see cref="SourceText"/>. Nodes keep offsets rather than line/column pairs: two integers per node,
/// and any column convention (code points for users, UTF-8 bytes for CPython's dump) can be derived.
/// </summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool Contains(int offset) => offset >= Start && offset < End;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public static TextSpan FromBounds(int start, int end) => new(start, end);

    public override string ToString() => $"[{Start}..{End})";
}
