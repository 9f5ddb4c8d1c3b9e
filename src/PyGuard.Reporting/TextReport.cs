using System.Globalization;
using PyGuard.Engine.Model;

namespace PyGuard.Reporting;

/// <summary>
/// The human report, in the style of a compiler: <c>path:line:col: severity RULE message [category]</c>, the
/// source line with a caret under the finding, one verdict line per file, and a summary.
/// </summary>
public static class TextReport
{
    public static void Write(ScanReport report, TextWriter output, ISourceLines lines)
    {
        var counts = new Dictionary<Severity, int>();
        foreach (var file in report.Files)
        {
            foreach (var finding in file.Findings)
            {
                if (finding.IsSuppressed)
                {
                    continue;
                }

                counts[finding.Severity] = counts.GetValueOrDefault(finding.Severity) + 1;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{file.Path}:{finding.Location.Line}:{finding.Location.Column}: {finding.Severity.ToName()} {finding.RuleId} {finding.Message} [{finding.Category.ToName()}, {finding.Confidence.ToName()} confidence]"));
                WriteExcerpt(output, lines.GetLine(file.Path, finding.Location.Line), finding.Location);
                foreach (var step in finding.Flow)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {file.Path}:{step.Location.Line}:{step.Location.Column}: {step.Message}"));
                }
            }

            var active = file.ActiveFindings.Count();
            var suppressed = file.Findings.Length - active;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{file.Path}: {file.Verdict.ToName()} (score {file.Score}, {Plural(active, "finding")}{(suppressed > 0 ? $", {suppressed} suppressed" : string.Empty)})"));
        }

        var verdicts = report.Files.GroupBy(f => f.Verdict).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Scanned {Plural(report.Files.Length, "file")}: {verdicts.GetValueOrDefault(Verdict.Block)} block, {verdicts.GetValueOrDefault(Verdict.Review)} review, {verdicts.GetValueOrDefault(Verdict.Allow)} allow. " +
            $"{Plural(counts.Values.Sum(), "finding")}: {Plural(counts.GetValueOrDefault(Severity.Error), "error")}, {Plural(counts.GetValueOrDefault(Severity.Warning), "warning")}, {Plural(counts.GetValueOrDefault(Severity.Note), "note")}. Verdict: {report.Verdict.ToName()}."));
    }

    private static void WriteExcerpt(TextWriter output, string? line, SourceLocation location)
    {
        if (line is null)
        {
            return;
        }

        // Columns count code points; expand tabs so the caret lines up in a terminal.
        var codePoints = SplitCodePoints(line);
        var start = Math.Clamp(location.Column - 1, 0, codePoints.Count);
        var end = location.EndLine == location.Line ? Math.Clamp(location.EndColumn - 1, start + 1, Math.Max(start + 1, codePoints.Count)) : codePoints.Count;
        end = Math.Max(end, start + 1);
        var shown = string.Concat(codePoints.Select(c => c == "\t" ? "    " : ControlFree(c)));
        var prefix = codePoints.Take(start).Sum(c => c == "\t" ? 4 : 1);
        var width = codePoints.Skip(start).Take(end - start).Sum(c => c == "\t" ? 4 : 1);
        output.WriteLine("    " + shown);
        output.WriteLine("    " + new string(' ', prefix) + new string('^', Math.Max(1, width)));
    }

    /// <summary>Control and bidirectional characters are shown escaped so that the excerpt cannot reorder the terminal.</summary>
    private static string ControlFree(string codePoint)
    {
        var c = char.ConvertToUtf32(codePoint, 0);
        return char.IsControl(codePoint, 0) || c is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069 or 0x200E or 0x200F or 0x061C
            ? "?"
            : codePoint;
    }

    private static List<string> SplitCodePoints(string text)
    {
        var result = new List<string>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result.Add(text.Substring(i++, 2));
            }
            else
            {
                result.Add(text[i].ToString());
            }
        }

        return result;
    }

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
