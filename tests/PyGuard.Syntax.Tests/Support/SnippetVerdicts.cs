using System.Text.Json;
using System.Text.Json.Serialization;

namespace PyGuard.Syntax.Tests.Support;

/// <summary>What CPython 3.13's ast.parse made of a source: its dump with positions, or its exception.</summary>
internal sealed record CPythonVerdict(string? Dump, CPythonError? Error);

internal sealed record CPythonError(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("msg")] string Message,
    [property: JsonPropertyName("lineno")] int? Line,
    [property: JsonPropertyName("offset")] int? Offset,
    [property: JsonPropertyName("end_lineno")] int? EndLine,
    [property: JsonPropertyName("end_offset")] int? EndOffset);

/// <summary>
/// Asks CPython 3.13 once, in one process, for the verdict on every source of the data files, so the
/// data-driven tests compare with the real interpreter at test time.
/// </summary>
internal static class SnippetVerdicts
{
    public static readonly string[] Files = ["constructs.jsonl", "errors.jsonl", "decoding-bytes.jsonl"];

    private static readonly Lazy<Dictionary<string, CPythonVerdict>> All = new(Compute);

    public static CPythonVerdict For(byte[] source)
    {
        CPython.Require("3.13");
        return All.Value[Convert.ToBase64String(source)];
    }

    private static Dictionary<string, CPythonVerdict> Compute()
    {
        var python = CPython.Require("3.13");
        var keys = Files.SelectMany(file => DataFile.Lines(file).Select(line => DataFile.Bytes(line, file.Contains("bytes"))))
            .Select(Convert.ToBase64String)
            .Distinct()
            .ToList();
        using var process = CPython.Start(python, Repository.Script("differential/snippet_reference.py"), []);
        var writer = Task.Run(() =>
        {
            foreach (var key in keys)
            {
                process.StandardInput.WriteLine(JsonSerializer.Serialize(new { base64 = key }));
            }

            process.StandardInput.Close();
        });
        var verdicts = new Dictionary<string, CPythonVerdict>();
        foreach (var key in keys)
        {
            var line = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the CPython oracle stopped: " + process.StandardError.ReadToEnd());
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            verdicts[key] = root.TryGetProperty("dump", out var dump)
                ? new CPythonVerdict(dump.GetString(), null)
                : new CPythonVerdict(null, root.GetProperty("error").Deserialize<CPythonError>());
        }

        writer.Wait();
        process.WaitForExit();
        return verdicts;
    }
}
