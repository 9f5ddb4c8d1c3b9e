using System.Collections.Immutable;
using PyGuard.Engine.Policies;

namespace PyGuard.Analyzers.Catalogs;

/// <summary>One <c>[name]</c> table of a TOML catalogue, with its keys and values.</summary>
internal sealed record CatalogTable(string File, string Name, Dictionary<string, object?> Values)
{
    public string String(string key) =>
        Values.TryGetValue(key, out var value) && value is string text
            ? text
            : throw new InvalidOperationException($"{File}: [{Name}] {key} is missing or not a string");

    /// <summary>A list of strings; an absent key is an empty list.</summary>
    public ImmutableArray<string> Strings(string key)
    {
        if (!Values.TryGetValue(key, out var value))
        {
            return [];
        }

        return value is List<object?> items
            ? [.. items.Select(item => item as string ?? throw new InvalidOperationException($"{File}: [{Name}] {key} holds a non-string"))]
            : throw new InvalidOperationException($"{File}: [{Name}] {key} is not a list");
    }
}

/// <summary>
/// Reads a TOML catalogue of rules/catalog (a sequence of <c>[name]</c> tables) through the syntax-tree
/// reader the policy loader uses. Tomlyn's object model is filled by reflection, which trimming and
/// NativeAOT cannot keep; the syntax tree needs none.
/// </summary>
internal static class CatalogTables
{
    public static List<CatalogTable> Read(string fileName)
    {
        var tables = new List<CatalogTable>();
        foreach (var entry in TomlEntries.Read(CatalogResources.Read(fileName), fileName))
        {
            if (entry.Value is Dictionary<string, object?>)
            {
                tables.Add(new CatalogTable(fileName, entry.Key, new Dictionary<string, object?>(StringComparer.Ordinal)));
                continue;
            }

            var prefix = tables.Count == 0 ? null : tables[^1].Name + ".";
            if (prefix is null || !entry.Key.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{fileName}: line {entry.Line}: '{entry.Key}' is outside a [table]");
            }

            tables[^1].Values[entry.Key[prefix.Length..]] = entry.Value;
        }

        return tables;
    }
}
