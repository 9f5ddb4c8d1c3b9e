using PyGuard.Reporting;
using PyGuard.Syntax.Text;

namespace PyGuard.Cli.Output;

/// <summary>
/// Source for reports: standard input kept in memory, files read again on demand. Lines are decoded as
/// the scanner decoded them (PEP 263); bytes are returned as they are, for SARIF fingerprints.
/// </summary>
public sealed class SourceLineCache : ISourceFiles
{
    private readonly Dictionary<string, SourceText?> _texts = new(StringComparer.Ordinal);
    private byte[]? _standardInput;

    public void AddStandardInput(byte[] bytes)
    {
        _standardInput = bytes;
        _texts["<stdin>"] = Decode(bytes);
    }

    public string? GetLine(string path, int line)
    {
        if (!_texts.TryGetValue(path, out var text))
        {
            text = Decode(GetBytes(path));
            _texts[path] = text;
        }

        return text is not null && line >= 1 && line <= text.LineCount ? text.GetLineText(line) : null;
    }

    public byte[]? GetBytes(string path) => path == "<stdin>" ? _standardInput : TryRead(path);

    private static byte[]? TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static SourceText? Decode(byte[]? bytes) =>
        bytes is null ? null : PyGuard.Syntax.PythonParser.Parse(bytes) is { Tree: { } tree } ? tree.Text : new SourceText(System.Text.Encoding.UTF8.GetString(bytes));
}
