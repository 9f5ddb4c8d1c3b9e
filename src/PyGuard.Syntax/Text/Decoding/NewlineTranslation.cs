namespace PyGuard.Syntax.Text.Decoding;

/// <summary>
/// CPython's first step on source bytes, before any codec runs: "\r\n" and "\r" become "\n", and a
/// final "\n" is added when the source does not end with one. Codecs therefore see the translated bytes,
/// which decides where a UTF-7 run ends and which positions their error messages give.
/// </summary>
internal static class NewlineTranslation
{
    public static byte[] Translate(ReadOnlySpan<byte> source)
    {
        var output = new byte[source.Length + 1];
        var length = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var b = source[i];
            if (b == '\r')
            {
                b = (byte)'\n';
                if (i + 1 < source.Length && source[i + 1] == '\n')
                {
                    i++;
                }
            }

            output[length++] = b;
        }

        if (length > 0 && output[length - 1] != '\n')
        {
            output[length++] = (byte)'\n';
        }

        return output.AsSpan(0, length).ToArray();
    }
}
