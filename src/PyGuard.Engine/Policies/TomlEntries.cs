using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace PyGuard.Engine.Policies;

/// <summary>One key of a TOML document, flattened to its dotted path, with its value and line.</summary>
internal sealed record TomlEntry(string Key, object? Value, int Line);

/// <summary>
/// Reads a TOML document into flat dotted entries with line numbers, so that every error about a policy
/// can name the line it is on (the object model of the TOML library keeps no positions).
/// </summary>
internal static class TomlEntries
{
    public static List<TomlEntry> Read(string text, string path)
    {
        var document = SyntaxParser.Parse(text, path, false);
        foreach (var diagnostic in document.Diagnostics)
        {
            if (diagnostic.Kind == DiagnosticMessageKind.Error)
            {
                throw new PolicyException(path, diagnostic.Span.Start.Line + 1, $"invalid TOML: {diagnostic.Message}");
            }
        }

        var entries = new List<TomlEntry>();
        foreach (var keyValue in document.KeyValues)
        {
            Add(entries, string.Empty, keyValue, path);
        }

        foreach (var table in document.Tables)
        {
            var line = table.Span.Start.Line + 1;
            if (table is TableArraySyntax)
            {
                throw new PolicyException(path, line, "arrays of tables ([[...]]) are not part of a policy");
            }

            var prefix = KeyText(table.Name, path, line) + ".";
            entries.Add(new TomlEntry(prefix[..^1], new Dictionary<string, object?>(), line));
            foreach (var keyValue in table.Items)
            {
                Add(entries, prefix, keyValue, path);
            }
        }

        return entries;
    }

    private static void Add(List<TomlEntry> entries, string prefix, KeyValueSyntax keyValue, string path)
    {
        var line = keyValue.Span.Start.Line + 1;
        var key = prefix + KeyText(keyValue.Key, path, line);
        if (keyValue.Value is InlineTableSyntax inline)
        {
            foreach (var item in inline.Items)
            {
                if (item.KeyValue is { } inner)
                {
                    Add(entries, key + ".", inner, path);
                }
            }

            return;
        }

        entries.Add(new TomlEntry(key, ValueOf(keyValue.Value, path, line), line));
    }

    private static object? ValueOf(ValueSyntax? value, string path, int line) => value switch
    {
        StringValueSyntax s => s.Value,
        IntegerValueSyntax i => i.Value,
        FloatValueSyntax f => f.Value,
        BooleanValueSyntax b => b.Value,
        ArraySyntax a => a.Items.Select(item => ValueOf(item.Value, path, line)).ToList(),
        _ => throw new PolicyException(path, line, $"unsupported TOML value '{value}'"),
    };

    private static string KeyText(KeySyntax? key, string path, int line)
    {
        if (key is null)
        {
            throw new PolicyException(path, line, "missing key");
        }

        var parts = new List<string> { Part(key.Key) };
        foreach (var dotted in key.DotKeys)
        {
            parts.Add(Part(dotted.Key));
        }

        return string.Join('.', parts);

        string Part(BareKeyOrStringValueSyntax? part) => part switch
        {
            BareKeySyntax bare => bare.Key?.Text ?? string.Empty,
            StringValueSyntax quoted => quoted.Value ?? string.Empty,
            _ => throw new PolicyException(path, line, "unsupported key"),
        };
    }
}
