using System.Collections.Frozen;
using System.Text.Encodings.Web;
using System.Text.Json;
using PyGuard.Cli.CommandLine;
using PyGuard.Engine.Model;
using PyGuard.Reporting;

namespace PyGuard.Cli.Commands;

/// <summary>
/// <c>pyguard rules</c>: every rule with id, category, default severity and title; <c>--format json</c>
/// for tools; <c>--docs DIR</c> writes the rule pages of docs/rules from the same metadata.
/// </summary>
public sealed class RulesCommand : ICommand
{
    private static readonly FrozenSet<string> ValueOptions = FrozenSet.ToFrozenSet(["--format", "--docs", "--output"], StringComparer.Ordinal);

    public string Name => "rules";

    public string Summary => "list every rule: id, category, default severity, title";

    public int Execute(IReadOnlyList<string> args, CommandContext context)
    {
        var parsed = ParsedArguments.Parse(args, ValueOptions, FrozenSet<string>.Empty);
        if (parsed.Operands.Count > 0)
        {
            throw new UsageException($"rules takes no operands, got '{parsed.Operands[0]}'");
        }

        var rules = PythonScanner.BuiltInRules;
        if (parsed.Value("--docs") is { } directory)
        {
            WriteDocs(rules, directory, context);
            return ExitCodes.Success;
        }

        var output = new StringWriter();
        switch (parsed.Value("--format") ?? "text")
        {
            case "text":
                foreach (var rule in rules)
                {
                    output.WriteLine($"{rule.Id}  {rule.Category.ToName(),-11} {rule.DefaultSeverity.ToName(),-7}  {rule.Title}");
                }

                break;
            case "json":
                output.Write(Json(rules));
                break;
            case var other:
                throw new UsageException($"unknown format '{other}' for rules (expected text or json)");
        }

        if (parsed.Value("--output") is { } path)
        {
            try
            {
                File.WriteAllText(path, output.ToString());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot write '{path}': {e.Message}");
            }
        }
        else
        {
            context.StandardOutput.Write(output.ToString());
        }

        return ExitCodes.Success;
    }

    private static string Json(IEnumerable<RuleDescriptor> rules)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var rule in rules)
            {
                writer.WriteStartObject();
                writer.WriteString("id", rule.Id);
                writer.WriteString("category", rule.Category.ToName());
                writer.WriteString("severity", rule.DefaultSeverity.ToName());
                writer.WriteString("confidence", rule.Confidence.ToName());
                writer.WriteString("title", rule.Title);
                writer.WriteNumber("securitySeverity", rule.SecuritySeverity);
                writer.WriteStartArray("cwe");
                foreach (var cwe in rule.Cwe)
                {
                    writer.WriteNumberValue(cwe);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteDocs(IReadOnlyCollection<RuleDescriptor> rules, string directory, CommandContext context)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var expected = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (fileName, content) in RuleDocumentation.AllPages(rules))
            {
                expected.Add(fileName);
                File.WriteAllText(Path.Combine(directory, fileName), content);
            }

            // Pages of rules that no longer exist would mislead; remove them.
            foreach (var stale in Directory.EnumerateFiles(directory, "PG*.md").Where(f => !expected.Contains(Path.GetFileName(f))))
            {
                File.Delete(stale);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write rule pages to '{directory}': {e.Message}");
        }

        context.StandardOutput.WriteLine($"wrote {rules.Count + 1} pages to {directory}");
    }
}
