using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace PyGuard.Engine.Policies;

/// <summary>
/// Reads a policy from TOML: a <c>pyguard.toml</c>, or the <c>[tool.pyguard]</c> table of a
/// <c>pyproject.toml</c>. A policy extends a preset (<c>extends = "agent"</c> by default) and may change
/// any setting; lists of modules are added to the preset's. Every mistake is a
/// <see cref="PolicyException"/> naming the file, the line and the reason.
/// </summary>
public static partial class PolicyLoader
{
    private static readonly FrozenSet<string> ScalarKeys = FrozenSet.ToFrozenSet(
    [
        "extends", "honour-suppressions", "unknown-imports", "network", "review-score", "block-score",
        "modules.allow", "modules.deny", "resources.max-allocation-bytes", "resources.max-operations",
        "resources.max-sleep-seconds",
    ], StringComparer.Ordinal);

    /// <summary>Loads a policy file (pyguard.toml, pyproject.toml or any TOML file with the same keys).</summary>
    public static Policy LoadFile(string path, IReadOnlySet<string>? knownRules = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PolicyException(path, 1, $"cannot read the policy: {e.Message}");
        }

        var isPyProject = Path.GetFileName(path).Equals("pyproject.toml", StringComparison.OrdinalIgnoreCase);
        return Load(text, path, isPyProject ? "tool.pyguard" : null, knownRules);
    }

    /// <summary>Loads a policy from TOML text; <paramref name="table"/> selects a sub-table such as <c>tool.pyguard</c>.</summary>
    public static Policy Load(string text, string path, string? table = null, IReadOnlySet<string>? knownRules = null)
    {
        var entries = TomlEntries.Read(text, path);
        if (table is not null)
        {
            var prefix = table + ".";
            var found = entries.Any(e => e.Key == table || e.Key.StartsWith(prefix, StringComparison.Ordinal));
            if (!found)
            {
                throw new PolicyException(path, 1, $"no [{table}] table");
            }

            entries = [.. entries
                .Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal))
                .Select(e => e with { Key = e.Key[prefix.Length..] })];
        }

        var extends = entries.FirstOrDefault(e => e.Key == "extends");
        var basePolicy = extends is null ? Presets.Agent : Presets.ByName(AsString(extends, path)) ??
            throw new PolicyException(path, extends.Line, $"unknown preset '{extends.Value}' (expected 'agent' or 'audit')");
        var name = table is null ? Path.GetFileName(path) : $"{Path.GetFileName(path)} [{table}]";
        return Apply(basePolicy with { Name = name }, entries, path, knownRules, isPreset: false);
    }

    internal static Policy Apply(Policy policy, IEnumerable<TomlEntry> entries, string path, IReadOnlySet<string>? knownRules, bool isPreset)
    {
        var rules = new Dictionary<string, RuleSetting>(policy.Rules, StringComparer.Ordinal);
        var resources = policy.Resources;
        foreach (var entry in entries)
        {
            if (entry.Value is Dictionary<string, object?>)
            {
                if (entry.Key is not ("modules" or "resources" or "rules"))
                {
                    throw new PolicyException(path, entry.Line, $"unknown table [{entry.Key}]");
                }

                continue;
            }

            if (entry.Key.StartsWith("rules.", StringComparison.Ordinal))
            {
                var id = entry.Key["rules.".Length..];
                if (!RuleIdPattern().IsMatch(id))
                {
                    throw new PolicyException(path, entry.Line, $"'{id}' is not a rule id (PGnnn)");
                }

                if (knownRules is not null && !knownRules.Contains(id))
                {
                    throw new PolicyException(path, entry.Line, $"unknown rule {id}");
                }

                rules[id] = ParseSetting(entry, path);
                continue;
            }

            if (!ScalarKeys.Contains(entry.Key))
            {
                throw new PolicyException(path, entry.Line, $"unknown key '{entry.Key}'");
            }

            switch (entry.Key)
            {
                case "extends":
                    if (isPreset)
                    {
                        throw new PolicyException(path, entry.Line, "a preset cannot extend another");
                    }

                    break;
                case "honour-suppressions":
                    policy = policy with { HonourSuppressions = entry.Value as bool? ?? throw Expected(entry, path, "true or false") };
                    break;
                case "unknown-imports":
                    policy = policy with { UnknownImports = ParseSetting(entry, path) };
                    break;
                case "network":
                    policy = policy with { NetworkUse = ParseSetting(entry, path) };
                    break;
                case "review-score":
                    policy = policy with { ReviewScore = ParseScore(entry, path) };
                    break;
                case "block-score":
                    policy = policy with { BlockScore = ParseScore(entry, path) };
                    break;
                case "modules.allow":
                    policy = policy with { AllowedModules = policy.AllowedModules.Union(ParseModules(entry, path)) };
                    break;
                case "modules.deny":
                    policy = policy with { DeniedModules = policy.DeniedModules.Union(ParseModules(entry, path)) };
                    break;
                case "resources.max-allocation-bytes":
                    resources = resources with { MaxAllocationBytes = ParsePositive(entry, path) };
                    break;
                case "resources.max-operations":
                    resources = resources with { MaxOperations = ParsePositive(entry, path) };
                    break;
                case "resources.max-sleep-seconds":
                    resources = resources with { MaxSleepSeconds = ParsePositive(entry, path) };
                    break;
            }
        }

        return policy with { Rules = rules.ToFrozenDictionary(StringComparer.Ordinal), Resources = resources };
    }

    private static string AsString(TomlEntry entry, string path) =>
        entry.Value as string ?? throw Expected(entry, path, "a string");

    private static RuleSetting ParseSetting(TomlEntry entry, string path) => AsString(entry, path) switch
    {
        "off" => RuleSetting.Off,
        "note" => RuleSetting.Note,
        "warning" => RuleSetting.Warning,
        "error" => RuleSetting.Error,
        _ => throw Expected(entry, path, "\"off\", \"note\", \"warning\" or \"error\""),
    };

    private static int ParseScore(TomlEntry entry, string path) =>
        entry.Value is long n && n is >= 0 and <= 101 ? (int)n : throw Expected(entry, path, "an integer from 0 to 101 (101 never triggers)");

    private static double ParsePositive(TomlEntry entry, string path) => entry.Value switch
    {
        long n when n > 0 => n,
        double d when d > 0 && double.IsFinite(d) => d,
        _ => throw Expected(entry, path, "a positive number"),
    };

    private static IEnumerable<string> ParseModules(TomlEntry entry, string path)
    {
        if (entry.Value is not List<object?> items)
        {
            throw Expected(entry, path, "a list of module names");
        }

        foreach (var item in items)
        {
            if (item is not string module || !ModulePattern().IsMatch(module))
            {
                throw new PolicyException(path, entry.Line,
                    $"'{item}' in {entry.Key} is not a module name or pattern (like 'numpy', 'google.cloud' or 'google.*')");
            }

            yield return module;
        }
    }

    private static PolicyException Expected(TomlEntry entry, string path, string what) =>
        new(path, entry.Line, $"'{entry.Key}' must be {what}, not {Describe(entry.Value)}");

    private static string Describe(object? value) => value switch
    {
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        long or double => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        List<object?> => "a list",
        _ => "that value",
    };

    [GeneratedRegex(@"^PG[1-9][0-9]{2}$")]
    private static partial Regex RuleIdPattern();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*(\.\*)?$")]
    private static partial Regex ModulePattern();
}
