using System.Collections.Frozen;
using PyGuard.Engine.Model;

namespace PyGuard.Analyzers.Catalogs;

/// <summary>What importing a module means: one entry of rules/catalog/modules.toml.</summary>
public sealed record ModuleInfo(string Module, Severity? Severity, string Kind, string Reason)
{
    public bool IsNetwork => Kind == "network";
}

/// <summary>
/// The module knowledge the import and exfiltration rules share: the catalogue of modules that give code
/// powers beyond computing, and the list of standard-library modules (to tell third-party imports apart).
/// </summary>
public static class ModuleCatalog
{
    private static readonly Lazy<FrozenDictionary<string, ModuleInfo>> Entries = new(LoadEntries);
    private static readonly Lazy<FrozenSet<string>> StandardLibrary = new(() =>
        CatalogResources.Lines("stdlib-modules.txt").ToFrozenSet(StringComparer.Ordinal));

    /// <summary>The catalogue entry for a module or, failing that, for the nearest package that has one.</summary>
    public static ModuleInfo? Find(string module)
    {
        for (var name = module; ; name = name[..name.LastIndexOf('.')])
        {
            if (Entries.Value.TryGetValue(name, out var info))
            {
                return info;
            }

            if (!name.Contains('.'))
            {
                return null;
            }
        }
    }

    public static bool IsStandardLibrary(string module)
    {
        var top = module.Split('.')[0];
        return StandardLibrary.Value.Contains(top) || top is "__future__" or "__main__" or "builtins";
    }

    public static IEnumerable<ModuleInfo> All => Entries.Value.Values;

    private static FrozenDictionary<string, ModuleInfo> LoadEntries()
    {
        var result = new Dictionary<string, ModuleInfo>(StringComparer.Ordinal);
        foreach (var entry in CatalogTables.Read("modules.toml"))
        {
            var severity = entry.String("severity") switch
            {
                "error" => Severity.Error,
                "warning" => Severity.Warning,
                "note" => Severity.Note,
                "none" => (Severity?)null,
                var other => throw new InvalidOperationException($"modules.toml: [{entry.Name}] has severity '{other}'"),
            };
            result[entry.Name] = new ModuleInfo(entry.Name, severity, entry.String("kind"), entry.String("reason"));
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
