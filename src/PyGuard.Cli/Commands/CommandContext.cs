namespace PyGuard.Cli.Commands;

/// <summary>The process's streams, passed in so commands can be run and tested in-process.</summary>
public sealed record CommandContext(Stream StandardInput, TextWriter StandardOutput, TextWriter StandardError)
{
    /// <summary>Reads a named file, or standard input for <c>-</c>, as bytes (decoding is the lexer's job).</summary>
    public byte[] ReadInput(string path)
    {
        if (path == "-")
        {
            using var buffer = new MemoryStream();
            StandardInput.CopyTo(buffer);
            return buffer.ToArray();
        }

        if (Directory.Exists(path))
        {
            throw new CommandLine.UsageException($"'{path}' is a directory, not a file");
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            throw new CommandLine.UsageException($"no such file: '{path}'");
        }
        catch (DirectoryNotFoundException)
        {
            throw new CommandLine.UsageException($"no such file: '{path}'");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandLine.UsageException($"cannot read '{path}': {e.Message}");
        }
    }
}
