using PyGuard.Reporting;
using PyGuard.Syntax.Text;

namespace PyGuard.Cli.Output;

/// <summary>Source lines for report excerpts: standard input kept in memory, files read again on demand.</summary>
public sealed class SourceLineCache : ISourceLines
{
    private readonly Dictionary<string, SourceText?> _texts = new(StringComparer.Ordinal);

    public void AddStandardInput(byte[] bytes) => _texts["<stdin>"] = Decode(bytes);

    public string? GetLine(string path, int line)
    {
        if (!_texts.TryGetValue(path, out var text))
        {
            text = File.Exists(path) ? Decode(TryRead(path)) : null;
            _texts[path] = text;
        }

        return text is not null && line >= 1 && line <= text.LineCount ? text.GetLineText(line) : null;
    }

    private static byte[]? TryRead(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static SourceText? Decode(byte[]? bytes) =>
        bytes is null ? null : PyGuard.Syntax.PythonParser.Parse(bytes) is { Tree: { } tree } ? tree.Text : new SourceText(System.Text.Encoding.UTF8.GetString(bytes));
}
