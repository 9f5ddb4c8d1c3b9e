namespace PyGuard.Syntax.Text.Decoding;

/// <summary>Finds invalid UTF-8 and names the problem the way Python's UTF-8 decoder does.</summary>
internal static class Utf8Validation
{
    /// <summary>The first invalid sequence at or after <paramref name="from"/> and Python's reason, or position -1.</summary>
    public static (int Position, string Reason) FindError(ReadOnlySpan<byte> bytes, int from = 0)
    {
        var i = from;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            int needed;
            byte low = 0x80, high = 0xBF;
            switch (b)
            {
                case >= 0xC2 and <= 0xDF:
                    needed = 1;
                    break;
                case >= 0xE0 and <= 0xEF:
                    needed = 2;
                    (low, high) = b == 0xE0 ? ((byte)0xA0, (byte)0xBF) : b == 0xED ? ((byte)0x80, (byte)0x9F) : (low, high);
                    break;
                case >= 0xF0 and <= 0xF4:
                    needed = 3;
                    (low, high) = b == 0xF0 ? ((byte)0x90, (byte)0xBF) : b == 0xF4 ? ((byte)0x80, (byte)0x8F) : (low, high);
                    break;
                default:
                    return (i, "invalid start byte");
            }

            for (var k = 1; k <= needed; k++)
            {
                if (i + k >= bytes.Length)
                {
                    return (i, "unexpected end of data");
                }

                var next = bytes[i + k];
                var (min, max) = k == 1 ? (low, high) : ((byte)0x80, (byte)0xBF);
                if (next < min || next > max)
                {
                    return (i, "invalid continuation byte");
                }
            }

            i += needed + 1;
        }

        return (-1, "");
    }
}
