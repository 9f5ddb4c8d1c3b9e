using System.Text.Json;
using PyGuard.Engine.Model;
using PyGuard.Reporting.Sarif;

namespace PyGuard.Reporting.Tests.Sarif;

/// <summary>A SARIF report written in memory and read back as plain JSON, independent of the SDK that wrote it.</summary>
internal sealed class SarifOutput : IDisposable
{
    private readonly JsonDocument _document;

    private SarifOutput(byte[] bytes, SarifWriteSummary summary)
    {
        Bytes = bytes;
        Summary = summary;
        _document = JsonDocument.Parse(bytes);
    }

    public const string Root = "/work/project";

    public byte[] Bytes { get; }

    public SarifWriteSummary Summary { get; }

    public JsonElement Log => _document.RootElement;

    public JsonElement Run => Log.GetProperty("runs")[0];

    public IReadOnlyList<JsonElement> Results => [.. Run.GetProperty("results").EnumerateArray()];

    public JsonElement Rule(string id) => Run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);

    public static SarifOutput Write(ISourceFiles sources, params FileScanResult[] files) => Write(sources, options => options, files);

    public static SarifOutput Write(ISourceFiles sources, Func<SarifReportOptions, SarifReportOptions> configure, params FileScanResult[] files)
    {
        var options = configure(new SarifReportOptions { Rules = [.. TestRules.All], Sources = sources, RootDirectory = Root, PolicyName = "agent" });
        using var buffer = new MemoryStream();
        var summary = SarifReport.Write(new ScanReport([.. files]), options, buffer);
        return new SarifOutput(buffer.ToArray(), summary);
    }

    public void Dispose() => _document.Dispose();
}

internal static class JsonElementExtensions
{
    public static string Str(this JsonElement element, params string[] path) => element.At(path).GetString()!;

    public static int Int(this JsonElement element, params string[] path) => element.At(path).GetInt32();

    public static JsonElement At(this JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            element = int.TryParse(name, out var index) ? element[index] : element.GetProperty(name);
        }

        return element;
    }

    public static bool Has(this JsonElement element, string name) => element.TryGetProperty(name, out _);
}
