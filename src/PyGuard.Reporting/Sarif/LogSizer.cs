using System.Globalization;
using Microsoft.CodeAnalysis.Sarif;

namespace PyGuard.Reporting.Sarif;

/// <summary>
/// Serializes the log with as many of the ranked results as GitHub's limits allow: at most
/// <see cref="SarifLimits.MaxResults"/>, then, if the gzipped file is still too large, the largest number
/// of most severe results that fits (a binary search, so the cut is deterministic). Each cut is reported
/// as a notice and in the run's <c>resultsOmitted</c> property.
/// </summary>
internal sealed class LogSizer(SarifLog log, Run run, IReadOnlyList<RankedResult> ranked, SarifLimits limits, ICollection<string> notices)
{
    public (ReadOnlyMemory<byte> Bytes, int Results) Fit()
    {
        var count = ranked.Count;
        if (count > limits.MaxResults)
        {
            notices.Add(string.Create(CultureInfo.InvariantCulture,
                $"{count} results are more than the {limits.MaxResults} per run GitHub accepts; kept the {limits.MaxResults} most severe"));
            count = limits.MaxResults;
        }

        var bytes = Serialize(count);
        if (Fits(bytes))
        {
            return (bytes, count);
        }

        var size = SarifJson.GzippedLength(bytes);

        var (fitting, fittingBytes) = LargestFitting(count);
        if (fittingBytes is null)
        {
            notices.Add(string.Create(CultureInfo.InvariantCulture,
                $"the SARIF log is {size} bytes gzipped, more than the {limits.MaxGzippedBytes} GitHub accepts, even without results; written uncut (scan fewer files at once)"));
            return (bytes, count);
        }

        notices.Add(string.Create(CultureInfo.InvariantCulture,
            $"the SARIF log is {size} bytes gzipped, more than the {limits.MaxGzippedBytes} GitHub accepts; kept the {fitting} most severe of {count} results"));
        return (fittingBytes.Value, fitting);
    }

    /// <summary>The largest count below <paramref name="tooMany"/> whose log fits, or null bytes when not even none does.</summary>
    private (int Count, ReadOnlyMemory<byte>? Bytes) LargestFitting(int tooMany)
    {
        var low = 0;
        var high = tooMany - 1;
        ReadOnlyMemory<byte>? best = null;
        var bestCount = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var bytes = Serialize(middle);
            if (Fits(bytes))
            {
                (best, bestCount) = (bytes, middle);
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return (bestCount, best);
    }

    private bool Fits(ReadOnlyMemory<byte> bytes) => SarifJson.FitsGzipped(bytes, limits.MaxGzippedBytes);

    private ReadOnlyMemory<byte> Serialize(int count)
    {
        run.Results = ResultRanking.KeepInScanOrder(ranked, count);
        var omitted = ranked.Count - count;
        if (omitted > 0)
        {
            run.SetProperty("resultsOmitted", omitted);
        }
        else
        {
            run.RemoveProperty("resultsOmitted");
        }

        // Sized up front: grown by doubling, a log of many megabytes would allocate, copy and collect
        // several large buffers. About 500 bytes per result, plus the rules and artifacts.
        var expectedBytes = (1 << 20) + (512L * count) + (256L * run.Artifacts.Count);
        return SarifJson.Serialize(log, (int)Math.Min(expectedBytes, Array.MaxLength));
    }
}
