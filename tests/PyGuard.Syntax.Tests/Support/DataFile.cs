using System.Text;
using System.Text.Json;

namespace PyGuard.Syntax.Tests.Support;

/// <summary>
/// The test data files in Data/: one JSON string per line, lines starting with '#' are comments. A
/// "bytes" file's strings hold one byte per character (all below U+0100), so it can express any byte
/// sequence; the other files hold source text, used as its UTF-8 bytes.
/// </summary>
internal static class DataFile
{
    public static IReadOnlyList<string> Lines(string name) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", name), Encoding.UTF8)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => JsonSerializer.Deserialize<string>(line)!)
            .ToList();

    public static byte[] Bytes(string text, bool latin1) => latin1 ? Encoding.Latin1.GetBytes(text) : Encoding.UTF8.GetBytes(text);
}
