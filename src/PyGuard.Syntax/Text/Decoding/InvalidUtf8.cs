using System.Text;

namespace PyGuard.Syntax.Text.Decoding;

/// <summary>
/// Source bytes that are not valid UTF-8, decoded with one U+FFFD per invalid byte. CPython only
/// decodes the tokens it reads, so invalid bytes inside comments are accepted; the lexer reports any
/// other one, as CPython does, with the message of decoding that token alone.
/// </summary>
internal sealed class InvalidUtf8(byte[] bytes, int[] textOffsets, int[] byteOffsets)
{
    /// <summary>Offsets in the decoded text of the replacement characters, ascending.</summary>
    public int[] TextOffsets { get; } = textOffsets;

    /// <summary>
    /// Decodes UTF-8 that has at least one invalid byte: each invalid byte becomes U+FFFD and is
    /// remembered, valid runs decode normally.
    /// </summary>
    public static (string Text, InvalidUtf8 Invalid) Decode(ReadOnlySpan<byte> source)
    {
        var text = new StringBuilder(source.Length);
        var textOffsets = new List<int>();
        var byteOffsets = new List<int>();
        var start = 0;
        while (true)
        {
            var (position, _) = Utf8Validation.FindError(source, start);
            var end = position < 0 ? source.Length : position;
            text.Append(Encoding.UTF8.GetString(source[start..end]));
            if (position < 0)
            {
                break;
            }

            textOffsets.Add(text.Length);
            byteOffsets.Add(position);
            text.Append('\uFFFD');
            start = position + 1;
        }

        return (text.ToString(), new InvalidUtf8(source.ToArray(), [.. textOffsets], [.. byteOffsets]));
    }

    /// <summary>CPython's message for the invalid bytes in the text range [start, end), decoded on their own.</summary>
    public string DescribeRange(string text, int start, int end)
    {
        var from = ByteOffset(text, start);
        var slice = bytes.AsSpan(from, ByteOffset(text, end) - from);
        var (position, reason) = Utf8Validation.FindError(slice);
        if (position < 0)
        {
            position = 0;
            reason = "invalid start byte";
        }

        return $"(unicode error) 'utf-8' codec can't decode byte 0x{slice[position]:x2} in position {position}: {reason}";
    }

    private int ByteOffset(string text, int textOffset)
    {
        var index = Array.BinarySearch(TextOffsets, textOffset);
        var before = index >= 0 ? index : ~index; // replacement characters strictly before textOffset
        if (before == 0)
        {
            return Encoding.UTF8.GetByteCount(text.AsSpan(0, textOffset));
        }

        var last = before - 1;
        return byteOffsets[last] + 1 + Encoding.UTF8.GetByteCount(text.AsSpan(TextOffsets[last] + 1, textOffset - TextOffsets[last] - 1));
    }
}
