using System.Text.Encodings.Web;
using System.Text.Json;
using PyGuard.Engine.Model;

namespace PyGuard.Reporting;

/// <summary>The JSON report of ../shared/CONTRACT.md, written field by field in the contract's order.</summary>
public static class JsonReport
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(ScanReport report, Stream output)
    {
        using var writer = new Utf8JsonWriter(output, Options);
        writer.WriteStartObject();
        writer.WriteNumber("version", 1);
        writer.WriteString("verdict", report.Verdict.ToName());
        writer.WriteStartArray("files");
        foreach (var file in report.Files)
        {
            WriteFile(writer, file);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        output.WriteByte((byte)'\n');
    }

    public static void WriteFile(Utf8JsonWriter writer, FileScanResult file)
    {
        writer.WriteStartObject();
        writer.WriteString("path", file.Path);
        writer.WriteString("verdict", file.Verdict.ToName());
        writer.WriteNumber("score", file.Score);
        writer.WritePropertyName("findings");
        WriteFindings(writer, file.ActiveFindings);
        writer.WriteEndObject();
    }

    /// <summary>The findings array, shared with the run report.</summary>
    public static void WriteFindings(Utf8JsonWriter writer, IEnumerable<Finding> findings)
    {
        writer.WriteStartArray();
        foreach (var finding in findings)
        {
            writer.WriteStartObject();
            writer.WriteString("ruleId", finding.RuleId);
            writer.WriteString("category", finding.Category.ToName());
            writer.WriteString("severity", finding.Severity.ToName());
            writer.WriteString("confidence", finding.Confidence.ToName());
            writer.WriteString("message", finding.Message);
            writer.WriteNumber("line", finding.Location.Line);
            writer.WriteNumber("column", finding.Location.Column);
            writer.WriteNumber("endLine", finding.Location.EndLine);
            writer.WriteNumber("endColumn", finding.Location.EndColumn);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
