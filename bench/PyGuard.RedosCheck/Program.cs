using System.Diagnostics;
using System.Text;
using System.Text.Json;
using PyGuard.Regex;

namespace PyGuard.RedosCheck;

/// <summary>
/// <c>pyguard-redos [--mode search|match|fullmatch] [--flags N] [--bytes] PATTERN...</c>: one JSON line per
/// pattern with the verdict, the attack and the milliseconds the analysis took in this process. Exit code 0,
/// or 2 with one line on stderr for bad usage.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var mode = MatchMode.Search;
        var flags = RegexFlags.None;
        var isBytes = false;
        var patterns = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--mode" when i + 1 < args.Length && TryMode(args[i + 1], out var m):
                    mode = m;
                    i++;
                    break;
                case "--flags" when i + 1 < args.Length && int.TryParse(args[i + 1], out var f):
                    flags = (RegexFlags)f;
                    i++;
                    break;
                case "--bytes":
                    isBytes = true;
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    Console.Error.WriteLine($"pyguard-redos: bad option {option} (use --mode search|match|fullmatch, --flags N, --bytes)");
                    return 2;
                default:
                    patterns.Add(args[i]);
                    break;
            }
        }

        if (patterns.Count == 0)
        {
            Console.Error.WriteLine("pyguard-redos: no pattern given");
            return 2;
        }

        var output = new StringBuilder();
        foreach (var pattern in patterns)
        {
            var clock = Stopwatch.StartNew();
            var report = isBytes
                ? RedosChecker.Analyze(Encoding.Latin1.GetBytes(pattern), flags, mode)
                : RedosChecker.Analyze(pattern, flags, mode);
            clock.Stop();
            output.AppendLine(Line(pattern, report, clock.Elapsed.TotalMilliseconds));
        }

        Console.Out.Write(output);
        return 0;
    }

    private static bool TryMode(string text, out MatchMode mode)
    {
        mode = text switch
        {
            "match" => MatchMode.Match,
            "fullmatch" => MatchMode.FullMatch,
            _ => MatchMode.Search,
        };
        return text is "search" or "match" or "fullmatch";
    }

    private static string Line(string pattern, RedosReport report, double milliseconds)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("pattern", pattern);
            json.WriteString("complexity", report.Complexity.ToString().ToLowerInvariant());
            json.WriteNumber("degree", report.Degree);
            json.WriteString("status", report.Status.ToString().ToLowerInvariant());
            json.WriteString("attack", report.AttackString?.ToPython());
            json.WriteString("explanation", report.Explanation);
            json.WriteNumber("ms", Math.Round(milliseconds, 3));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
