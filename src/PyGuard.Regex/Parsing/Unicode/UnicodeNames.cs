using System.Globalization;
using System.IO.Compression;

namespace PyGuard.Regex.Parsing.Unicode;

/// <summary>
/// `unicodedata.lookup` for `\N{...}`: character names and aliases of Unicode 15.1 (CPython 3.13), matched
/// without regard to case as CPython does. The table is loaded on first use, once per process.
/// </summary>
internal static class UnicodeNames
{
    private static readonly Lazy<Dictionary<string, int>> Table = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    // Hangul syllable names are composed from the short names of their jamo (Unicode chapter 3.12).
    private static readonly string[] LeadingJamo = ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
    private static readonly string[] VowelJamo = ["A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"];
    private static readonly string[] TrailingJamo = ["", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"];

    /// <summary>The code point named <paramref name="name"/>, or null when CPython would not resolve it.</summary>
    public static int? Lookup(string name)
    {
        // CPython upper-cases ASCII letters only before comparing names.
        var upper = string.Create(name.Length, name, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is >= 'a' and <= 'z' ? (char)(source[i] - 32) : source[i];
            }
        });
        if (Table.Value.TryGetValue(upper, out var cp))
        {
            return cp;
        }

        return LookupAlgorithmic(upper);
    }

    private static int? LookupAlgorithmic(string name)
    {
        foreach (var (prefix, first, last) in UnicodeTables.AlgorithmicNames)
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = name[prefix.Length..];
            if (prefix == "HANGUL SYLLABLE ")
            {
                var syllable = HangulSyllable(rest);
                if (syllable is { } s && s >= first && s <= last)
                {
                    return s;
                }

                continue;
            }

            if (rest.Length is >= 4 and <= 5
                && int.TryParse(rest, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var cp)
                && cp >= first && cp <= last)
            {
                return cp;
            }
        }

        return null;
    }

    private static int? HangulSyllable(string rest)
    {
        for (var l = 0; l < LeadingJamo.Length; l++)
        {
            for (var v = 0; v < VowelJamo.Length; v++)
            {
                for (var t = 0; t < TrailingJamo.Length; t++)
                {
                    if (rest == LeadingJamo[l] + VowelJamo[v] + TrailingJamo[t])
                    {
                        return 0xAC00 + (l * VowelJamo.Length + v) * TrailingJamo.Length + t;
                    }
                }
            }
        }

        return null;
    }

    private static Dictionary<string, int> Load()
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        using var stream = typeof(UnicodeNames).Assembly.GetManifestResourceStream("PyGuard.Regex.UnicodeNames")
                           ?? throw new InvalidOperationException("the Unicode name table is missing from the assembly");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var cp = 0;
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t');
            cp += int.Parse(line.AsSpan(0, tab), CultureInfo.InvariantCulture);
            table.TryAdd(line[(tab + 1)..], cp);
        }

        return table;
    }
}
