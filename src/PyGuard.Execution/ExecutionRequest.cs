using System.Text;

namespace PyGuard.Execution;

/// <summary>A program to run: its source, the files placed beside it, and the files to bring back.</summary>
public sealed record ExecutionRequest
{
    public ExecutionRequest(ReadOnlyMemory<byte> source, string scriptName = "main.py")
    {
        WorkspacePath.Validate(scriptName);
        Source = source;
        ScriptName = scriptName;
    }

    public static ExecutionRequest FromText(string source, string scriptName = "main.py") =>
        new(Encoding.UTF8.GetBytes(source), scriptName);

    public ReadOnlyMemory<byte> Source { get; }

    /// <summary>The script's file name in the working directory (what tracebacks show).</summary>
    public string ScriptName { get; }

    /// <summary>sys.argv[1:].</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Files placed in the working directory before the program starts (they count against its limits).</summary>
    public IReadOnlyList<InputFile> Files { get; init; } = [];

    /// <summary>Relative paths of files to read back from the working directory after the run.</summary>
    public IReadOnlyList<string> Collect { get; init; } = [];
}

/// <summary>A file placed in the working directory; <see cref="Path"/> is relative, with <c>/</c> separators.</summary>
public sealed record InputFile
{
    public InputFile(string path, ReadOnlyMemory<byte> content)
    {
        WorkspacePath.Validate(path);
        Path = path;
        Content = content;
    }

    public string Path { get; }

    public ReadOnlyMemory<byte> Content { get; }
}

/// <summary>Checks that a path names something inside the working directory.</summary>
internal static class WorkspacePath
{
    public static void Validate(string path)
    {
        if (string.IsNullOrEmpty(path) || path.StartsWith('/') || path.Contains('\0') || path.Contains(Bootstrap.BootstrapCommand.ListSeparator) ||
            path.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            throw new ArgumentException($"'{path}' is not a relative path inside the working directory", nameof(path));
        }
    }

    public static string[] Segments(string path) => path.Split('/');
}
