using System.Text;
using PyGuard.Cli.CommandLine;
using PyGuard.Cli.Commands;
using PyGuard.Engine.Model;
using PyGuard.Reporting;
using PyGuard.Reporting.Sarif;

namespace PyGuard.Cli.Output;

/// <summary>Writes a scan report in the chosen format to standard output or to <c>--output</c>.</summary>
public static class ReportWriter
{
    public static void Write(ScanReport report, ReportFormat format, string? outputPath, SarifBaseline? baseline, PythonScanner scanner, ISourceFiles sources, CommandContext context)
    {
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

            case ReportFormat.Sarif:
            {
                var options = new SarifReportOptions
                {
                    Rules = scanner.Rules,
                    Sources = sources,
                    RootDirectory = Directory.GetCurrentDirectory(),
                    PolicyName = scanner.Policy.Name,
                    Baseline = baseline,
                };
                foreach (var notice in SarifReport.Write(report, options, buffer).Notices)
                {
                    context.StandardError.WriteLine($"pyguard: warning: {notice}");
                }

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
