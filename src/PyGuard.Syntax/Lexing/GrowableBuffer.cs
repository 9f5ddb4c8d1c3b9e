namespace PyGuard.Syntax.Lexing;

/// <summary>
/// An append-only buffer reused across literals, so decoding strings and bytes allocates only the final
/// value. Not thread-safe; one per parser.
/// </summary>
internal sealed class GrowableBuffer<T>(int capacity = 256) where T : struct
{
    private T[] _items = new T[capacity];

    public int Length { get; private set; }

    public ReadOnlySpan<T> AsSpan() => _items.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void Append(T item)
    {
        if (Length == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Length++] = item;
    }

    public void Append(ReadOnlySpan<T> items)
    {
        if (Length + items.Length > _items.Length)
        {
            Array.Resize(ref _items, Math.Max(_items.Length * 2, Length + items.Length));
        }

        items.CopyTo(_items.AsSpan(Length));
        Length += items.Length;
    }
}
