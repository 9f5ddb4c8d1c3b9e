using System.Text;

namespace PyGuard.Execution.Runtime;

/// <summary>Keeps the first <c>capacity</c> bytes of a stream and remembers whether more arrived.</summary>
internal sealed class CappedBuffer(int capacity)
{
    private readonly MemoryStream _bytes = new();

    public bool Overflowed { get; private set; }

    public void Append(ReadOnlySpan<byte> data)
    {
        var room = capacity - (int)_bytes.Length;
        if (data.Length > room)
        {
            Overflowed = true;
            data = data[..Math.Max(0, room)];
        }

        _bytes.Write(data);
    }

    /// <summary>The kept bytes as text; invalid UTF-8 (or a character cut at the cap) becomes U+FFFD.</summary>
    public string Text() => Encoding.UTF8.GetString(_bytes.GetBuffer(), 0, (int)_bytes.Length);
}
