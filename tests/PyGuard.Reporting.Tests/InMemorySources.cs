using System.Text;

namespace PyGuard.Reporting.Tests;

/// <summary>Scanned files held in memory: bytes as given, lines split as Python splits them.</summary>
internal sealed class InMemorySources : ISourceFiles
{
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public InMemorySources Add(string path, string text) => Add(path, Encoding.UTF8.GetBytes(text));

    public InMemorySources Add(string path, byte[] bytes)
    {
        _files[path] = bytes;
        return this;
    }

    public byte[]? GetBytes(string path) => _files.GetValueOrDefault(path);

    public string? GetLine(string path, int line)
    {
        if (!_files.TryGetValue(path, out var bytes))
        {
            return null;
        }

        var lines = Encoding.UTF8.GetString(bytes).Split(["\r\n", "\r", "\n"], StringSplitOptions.None);
        return line >= 1 && line <= lines.Length ? lines[line - 1] : null;
    }
}
