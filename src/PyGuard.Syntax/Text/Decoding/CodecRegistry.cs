namespace PyGuard.Syntax.Text.Decoding;

/// <summary>A codec found for a coding cookie: its module name in CPython's encodings package and how to decode.</summary>
internal sealed record Codec(string Module, CodecKind Kind, string? Table);

/// <summary>
/// Resolves an encoding name exactly as Python's codec registry does with the encodings package:
/// lower-case it, collapse every run of characters other than letters, digits and '.' into one '_',
/// look the result up in the alias table (also with '.' read as '_'), then as a module name.
/// </summary>
internal static class CodecRegistry
{
    private static readonly Dictionary<string, string> AliasMap = CreateAliasMap();
    private static readonly Dictionary<string, Codec> ModuleMap = CreateModuleMap();

    public static Codec? Lookup(string name)
    {
        var normalized = Normalize(name.ToLowerInvariant());
        var alias = AliasMap.GetValueOrDefault(normalized) ?? AliasMap.GetValueOrDefault(normalized.Replace('.', '_'));
        foreach (var module in alias is null ? [normalized] : new[] { alias, normalized })
        {
            if (module.Length > 0 && !module.Contains('.') && ModuleMap.TryGetValue(module, out var codec))
            {
                return codec;
            }
        }

        return null;
    }

    private static string Normalize(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length);
        var punctuation = false;
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '.')
            {
                if (punctuation && builder.Length > 0)
                {
                    builder.Append('_');
                }

                builder.Append(c);
                punctuation = false;
            }
            else
            {
                punctuation = true;
            }
        }

        return builder.ToString();
    }

    private static Dictionary<string, string> CreateAliasMap()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (alias, module) in CodecTables.Aliases)
        {
            map[alias] = module;
        }

        return map;
    }

    private static Dictionary<string, Codec> CreateModuleMap()
    {
        var map = new Dictionary<string, Codec>(StringComparer.Ordinal);
        foreach (var (module, kind, table) in CodecTables.Modules)
        {
            map[module] = new Codec(module, kind, table);
        }

        return map;
    }
}
