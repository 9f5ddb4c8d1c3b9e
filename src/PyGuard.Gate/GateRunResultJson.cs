using System.Text.Encodings.Web;
using System.Text.Json;
using PyGuard.Engine.Model;
using PyGuard.Execution;

namespace PyGuard;

/// <summary>Writes a gate result as the contract's <c>pyguard run --format json</c> document.</summary>
public static class GateRunResultJson
{
    public static void Write(GateRunResult result, Stream stream)
    {
        // Program output is mostly text people read: keep non-ASCII characters as they are (the document is
        // UTF-8 and never embedded in HTML).
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Write(result, writer);
    }

    public static string ToJson(GateRunResult result)
    {
        using var buffer = new MemoryStream();
        Write(result, buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(GateRunResult result, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (result.Verdict is { } verdict)
        {
            writer.WriteString("verdict", verdict.ToName());
        }
        else
        {
            writer.WriteNull("verdict");
        }

        writer.WriteBoolean("executed", result.Executed);
        if (result.ExitCode is { } exitCode)
        {
            writer.WriteNumber("exitCode", exitCode);
        }
        else
        {
            writer.WriteNull("exitCode");
        }

        if (result.StoppedBy is { } stop)
        {
            writer.WriteString("stoppedBy", stop.ToName());
        }
        else
        {
            writer.WriteNull("stoppedBy");
        }

        writer.WriteNumber("durationMs", (long)Math.Round(result.Duration.TotalMilliseconds));
        writer.WriteString("stdout", result.Stdout);
        writer.WriteString("stderr", result.Stderr);
        writer.WriteBoolean("stdoutTruncated", result.StdoutTruncated);
        writer.WriteBoolean("stderrTruncated", result.StderrTruncated);
        writer.WriteStartArray("isolation");
        foreach (var layer in result.Isolation)
        {
            writer.WriteStringValue(layer);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("findings");
        foreach (var finding in result.Findings)
        {
            WriteFinding(finding, writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteFinding(Finding finding, Utf8JsonWriter writer)
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
}
