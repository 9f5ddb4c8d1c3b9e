using System.Text;
using PyGuard.Cli.CommandLine;
using PyGuard.Cli.Commands;
using PyGuard.Engine.Model;
using PyGuard.Reporting;

namespace PyGuard.Cli.Output;

/// <summary>Writes a scan report in the chosen format to standard output or to <c>--output</c>.</summary>
public static class ReportWriter
{
    public static void Write(ScanReport report, ReportFormat format, string? outputPath, string? baselinePath, PythonScanner scanner, ISourceLines sources, CommandContext context)
    {
        if (baselinePath is not null)
        {
            throw new UsageException("--baseline needs --format sarif");
        }

        using var buffer = new MemoryStream();
        switch (format)
        {
            case ReportFormat.Json:
                JsonReport.Write(report, buffer);
                break;
            case ReportFormat.Text:
            {
                using var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true);
                TextReport.Write(report, writer, sources);
                break;
            }

            default:
                throw new UsageException($"format '{format.ToString().ToLowerInvariant()}' is not supported by this command");
        }

        if (outputPath is null)
        {
            context.StandardOutput.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            return;
        }

        try
        {
            File.WriteAllBytes(outputPath, buffer.ToArray());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write '{outputPath}': {e.Message}");
        }
    }
}
