using System.Text.Json;

namespace PyGuard.Reporting.Sarif;

/// <summary>
/// The results of an earlier SARIF log, by identity: rule, file and <c>primaryLocationLineHash</c>, the same
/// three things GitHub matches alerts on. A new result with the identity of a baseline result is not new.
/// The line hash ends in the line's occurrence number, so identical lines stay distinct; two results of
/// one rule on one line are matched by count.
/// </summary>
public sealed class SarifBaseline
{
    private readonly Dictionary<ResultIdentity, int> _counts;

    private SarifBaseline(Dictionary<ResultIdentity, int> counts) => _counts = counts;

    /// <summary>How many results of the baseline have an identity (rule, location and line hash).</summary>
    public int Count => _counts.Values.Sum();

    /// <summary>Reads a baseline file; throws <see cref="SarifBaselineException"/> with a one-line reason.</summary>
    public static SarifBaseline Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SarifBaselineException($"no such baseline: '{path}'");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SarifBaselineException($"cannot read baseline '{path}': {e.Message}");
        }

        try
        {
            return Parse(bytes);
        }
        catch (SarifBaselineException e)
        {
            throw new SarifBaselineException($"invalid baseline '{path}': {e.Message}");
        }
    }

    /// <summary>Reads a baseline from the bytes of a SARIF 2.1.0 log.</summary>
    public static SarifBaseline Parse(ReadOnlyMemory<byte> sarif)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(sarif, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new SarifBaselineException($"not JSON ({e.Message.ReplaceLineEndings(" ")})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || String(root, "version") != "2.1.0")
            {
                throw new SarifBaselineException("not a SARIF 2.1.0 log (no \"version\": \"2.1.0\")");
            }

            if (!root.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
            {
                throw new SarifBaselineException("not a SARIF 2.1.0 log (no \"runs\" array)");
            }

            var counts = new Dictionary<ResultIdentity, int>();
            foreach (var run in runs.EnumerateArray())
            {
                foreach (var identity in Identities(run))
                {
                    counts[identity] = counts.GetValueOrDefault(identity) + 1;
                }
            }

            return new SarifBaseline(counts);
        }
    }

    /// <summary>A matcher that takes each baseline result at most once.</summary>
    internal Matcher CreateMatcher() => new(new Dictionary<ResultIdentity, int>(_counts));

    private static IEnumerable<ResultIdentity> Identities(JsonElement run)
    {
        if (run.ValueKind != JsonValueKind.Object || !run.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        run.TryGetProperty("artifacts", out var artifacts);
        foreach (var result in results.EnumerateArray())
        {
            if (result.ValueKind == JsonValueKind.Object &&
                RuleIdOf(result) is { } ruleId &&
                Child(result, "partialFingerprints") is { } fingerprints && String(fingerprints, "primaryLocationLineHash") is { } lineHash &&
                ArtifactOf(result, artifacts) is { } artifact && String(artifact, "uri") is { } uri)
            {
                yield return new ResultIdentity(ruleId, String(artifact, "uriBaseId") ?? string.Empty, uri, lineHash);
            }
        }
    }

    private static string? RuleIdOf(JsonElement result) =>
        String(result, "ruleId") ?? (Child(result, "rule") is { } rule ? String(rule, "id") : null);

    /// <summary>The primary location's artifact, looked up in <c>run.artifacts</c> when given by index only.</summary>
    private static JsonElement? ArtifactOf(JsonElement result, JsonElement artifacts)
    {
        if (!result.TryGetProperty("locations", out var locations) || locations.ValueKind != JsonValueKind.Array || locations.GetArrayLength() == 0 ||
            Child(locations[0], "physicalLocation") is not { } physical || Child(physical, "artifactLocation") is not { } artifact)
        {
            return null;
        }

        if (String(artifact, "uri") is null && artifact.TryGetProperty("index", out var index) && index.TryGetInt32(out var i) &&
            artifacts.ValueKind == JsonValueKind.Array && i >= 0 && i < artifacts.GetArrayLength() && Child(artifacts[i], "location") is { } listed)
        {
            return listed;
        }

        return artifact;
    }

    private static JsonElement? Child(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object ? child : null;

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>What makes two results the same across runs.</summary>
    internal readonly record struct ResultIdentity(string RuleId, string UriBaseId, string Uri, string LineHash);

    /// <summary>Takes baseline results one by one, so N identical new results match at most N baseline ones.</summary>
    internal sealed class Matcher(Dictionary<ResultIdentity, int> remaining)
    {
        public bool TryTake(ResultIdentity identity)
        {
            if (remaining.GetValueOrDefault(identity) is var count && count == 0)
            {
                return false;
            }

            remaining[identity] = count - 1;
            return true;
        }
    }
}

/// <summary>A baseline that cannot be read or is not a SARIF 2.1.0 log; the message is one line.</summary>
public sealed class SarifBaselineException(string message) : Exception(message);
