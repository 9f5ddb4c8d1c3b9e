using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Engine.Model;

namespace PyGuard.Engine.Policies;

/// <summary>What a rule's findings become under a policy: off, or a fixed severity.</summary>
public enum RuleSetting
{
    Off,
    Note,
    Warning,
    Error,
}

/// <summary>
/// How findings are judged: which rules run and at what severity, which modules are trusted or denied,
/// whether in-source suppressions count, and the thresholds of the resource rules and the verdict. The
/// presets <see cref="Agent"/> and <see cref="Audit"/> are read from rules/policies; a custom policy
/// extends one of them (see <see cref="PolicyLoader"/>). Immutable and shared across threads.
/// </summary>
public sealed record Policy
{
    /// <summary>The gate for code about to run: the default.</summary>
    public static Policy Agent => Presets.Agent;

    /// <summary>Scanning your own code, the way Bandit is used: suppressions honoured, third-party imports trusted.</summary>
    public static Policy Audit => Presets.Audit;

    public required string Name { get; init; }

    /// <summary>Whether <c># pyguard: ignore[...]</c> comments suppress findings. Never under the agent gate.</summary>
    public bool HonourSuppressions { get; init; }

    /// <summary>Severity for importing a module that is neither standard library nor on the allow list (Off to trust them).</summary>
    public RuleSetting UnknownImports { get; init; } = RuleSetting.Warning;

    /// <summary>Severity for network use that carries no sensitive data.</summary>
    public RuleSetting NetworkUse { get; init; } = RuleSetting.Warning;

    /// <summary>Module patterns that are trusted (<c>numpy</c>, <c>google.cloud.*</c>).</summary>
    public ModulePatterns AllowedModules { get; init; } = ModulePatterns.Empty;

    /// <summary>Module patterns that always block, whatever else is said of them.</summary>
    public ModulePatterns DeniedModules { get; init; } = ModulePatterns.Empty;

    /// <summary>Per-rule settings that replace a rule's default severity, or switch it off.</summary>
    public FrozenDictionary<string, RuleSetting> Rules { get; init; } = FrozenDictionary<string, RuleSetting>.Empty;

    /// <summary>Score from which a file is at least reviewed.</summary>
    public int ReviewScore { get; init; } = 30;

    /// <summary>Score from which a file is blocked even without a single blocking finding.</summary>
    public int BlockScore { get; init; } = 90;

    public ResourceLimits Resources { get; init; } = new();

    /// <summary>The setting for a rule, or null to use the rule's own severity.</summary>
    public RuleSetting? SettingFor(string ruleId) => Rules.TryGetValue(ruleId, out var setting) ? setting : null;

    public bool IsEnabled(string ruleId) => SettingFor(ruleId) != RuleSetting.Off;
}

/// <summary>Thresholds of the resource rules (PG4xx); defaults follow the issue: ~100 MB and 10^8 operations.</summary>
public sealed record ResourceLimits
{
    /// <summary>Largest allocation a single expression may make before it is a bomb.</summary>
    public double MaxAllocationBytes { get; init; } = 100_000_000;

    /// <summary>Largest amount of work (loop iterations, digits computed) before it is a bomb.</summary>
    public double MaxOperations { get; init; } = 100_000_000;

    /// <summary>Longest single sleep, in seconds, before it is flagged.</summary>
    public double MaxSleepSeconds { get; init; } = 600;
}

/// <summary>
/// A set of module names and prefixes: <c>numpy</c> matches numpy itself, <c>numpy.*</c> matches its
/// submodules only, and a bare name matches its submodules too (trusting <c>numpy</c> trusts <c>numpy.linalg</c>).
/// </summary>
public sealed class ModulePatterns
{
    public static readonly ModulePatterns Empty = new([]);

    private readonly FrozenSet<string> _exact;
    private readonly ImmutableArray<string> _prefixes;

    public ModulePatterns(IEnumerable<string> patterns)
    {
        Patterns = [.. patterns];
        _exact = Patterns.Where(p => !p.EndsWith(".*", StringComparison.Ordinal)).ToFrozenSet(StringComparer.Ordinal);
        _prefixes = [.. Patterns.Select(p => p.EndsWith(".*", StringComparison.Ordinal) ? p[..^1] : p + ".")];
    }

    public ImmutableArray<string> Patterns { get; }

    public bool Matches(string module)
    {
        if (_exact.Contains(module))
        {
            return true;
        }

        foreach (var prefix in _prefixes)
        {
            if (module.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public ModulePatterns Union(IEnumerable<string> more) => new(Patterns.Concat(more).Distinct(StringComparer.Ordinal));
}
