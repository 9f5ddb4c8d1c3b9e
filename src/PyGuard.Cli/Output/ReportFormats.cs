using PyGuard.Cli.CommandLine;

namespace PyGuard.Cli.Output;

public enum ReportFormat
{
    Text,
    Json,
    Sarif,
}

public static class ReportFormats
{
    public static ReportFormat Parse(string value) => value switch
    {
        "text" => ReportFormat.Text,
        "json" => ReportFormat.Json,
        "sarif" => ReportFormat.Sarif,
        _ => throw new UsageException($"unknown format '{value}' (expected text, json or sarif)"),
    };
}
