using System.Reflection;

namespace PyGuard.Engine.Policies;

/// <summary>The preset policies, read once from the TOML files of rules/policies embedded in this assembly.</summary>
internal static class Presets
{
    private static readonly Lazy<Policy> AgentPreset = new(() => Read("agent"));
    private static readonly Lazy<Policy> AuditPreset = new(() => Read("audit"));

    public static Policy Agent => AgentPreset.Value;

    public static Policy Audit => AuditPreset.Value;

    public static Policy? ByName(string name) => name switch
    {
        "agent" => Agent,
        "audit" => Audit,
        _ => null,
    };

    private static Policy Read(string name)
    {
        var resource = $"PyGuard.Policies.{name}.toml";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the preset {resource} is not embedded");
        using var reader = new StreamReader(stream);
        var path = $"rules/policies/{name}.toml";
        return PolicyLoader.Apply(new Policy { Name = name }, TomlEntries.Read(reader.ReadToEnd(), path), path, null, isPreset: true);
    }
}
