using System.Text;
using System.Text.Json;

using PyGuard.Syntax.Dump;
using PyGuard.Syntax.Lexing.Unicode;
using PyGuard.Syntax.Tests.Support;

namespace PyGuard.Syntax.Tests;

/// <summary>
/// The generated Unicode tables and the code over them agree with CPython 3.13 for every code point:
/// identifier characters, NFKC of identifiers, str repr (printability), and \N{} names.
/// </summary>
public sealed class UnicodeTablesTests
{
    private static readonly Lazy<JsonElement> Reference = new(() =>
    {
        var python = CPython.Require("3.13");
        using var process = CPython.Start(python, Repository.Script("differential/unicode_reference.py"), []);
        process.StandardInput.Close();
        var json = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return JsonDocument.Parse(json).RootElement;
    });

    private static JsonElement Data(string name)
    {
        CPython.Require("3.13");
        return Reference.Value.GetProperty(name);
    }

    [Fact]
    public void Identifier_classes_match_str_isidentifier()
    {
        AssertRanges(Data("identifier_start"), CharacterClasses.IsIdentifierStart);
        AssertRanges(Data("identifier_continue"), CharacterClasses.IsIdentifierContinue);
    }

    [Fact]
    public void Nfkc_matches_unicodedata_for_every_identifier_character()
    {
        var expected = Data("nfkc").EnumerateObject().ToDictionary(p => int.Parse(p.Name), p => p.Value.GetString()!);
        var mismatches = new List<string>();
        for (var c = 0; c < 0x110000; c++)
        {
            if (!CharacterClasses.IsIdentifierContinue(c))
            {
                continue;
            }

            var text = char.ConvertFromUtf32(c);
            var want = expected.GetValueOrDefault(c, text);
            var got = Nfkc.Normalize(text);
            if (got != want)
            {
                mismatches.Add($"U+{c:X4}: expected {Escape(want)}, got {Escape(got)}");
            }
        }

        foreach (var pair in Data("nfkc_sequences").EnumerateArray())
        {
            var (text, want) = (pair[0].GetString()!, pair[1].GetString()!);
            if (Nfkc.Normalize(text) is var got && got != want)
            {
                mismatches.Add($"{Escape(text)}: expected {Escape(want)}, got {Escape(got)}");
            }
        }

        mismatches.ShouldBeEmpty(string.Join("\n", mismatches.Take(20)));
    }

    [Fact]
    public void Str_repr_matches_for_every_code_point()
    {
        var mismatches = new List<string>();
        foreach (var block in Data("repr_blocks").EnumerateArray())
        {
            var first = block[0].GetInt32();
            var text = new StringBuilder();
            for (var c = first; c < first + 256; c++)
            {
                if (c is < 0xD800 or > 0xDFFF)
                {
                    text.Append(char.ConvertFromUtf32(c));
                }
            }

            var repr = new StringBuilder();
            PythonRepr.AppendStr(repr, text.ToString());
            if (repr.ToString() != block[1].GetString())
            {
                mismatches.Add($"block U+{first:X4}");
            }
        }

        mismatches.ShouldBeEmpty(string.Join(", ", mismatches.Take(20)));
    }

    [Fact]
    public void Every_character_name_resolves_in_any_case()
    {
        var mismatches = new List<string>();
        foreach (var pair in Data("names").EnumerateArray())
        {
            var name = pair[0].GetString()!;
            var code = pair[1].GetInt32();
            var algorithmic = name.StartsWith("CJK UNIFIED IDEOGRAPH-", StringComparison.Ordinal) || name.StartsWith("HANGUL SYLLABLE ", StringComparison.Ordinal);
            var spellings = algorithmic ? [name] : new[] { name, name.ToLowerInvariant() };
            foreach (var spelling in spellings)
            {
                if (!UnicodeNames.TryLookup(spelling, out var found) || found != code)
                {
                    mismatches.Add($"{spelling} -> U+{code:X4}");
                }
            }
        }

        mismatches.ShouldBeEmpty(string.Join("\n", mismatches.Take(20)));
    }

    [Theory]
    [InlineData("LF", 0x0A)]
    [InlineData("byte order mark", 0xFEFF)]
    [InlineData("ZWNBSP", 0xFEFF)]
    [InlineData("CJK UNIFIED IDEOGRAPH-04E00", 0x4E00)]
    [InlineData("VS17", 0xE0100)]
    public void Aliases_and_algorithmic_spellings_resolve(string name, int code)
    {
        UnicodeNames.TryLookup(name, out var found).ShouldBeTrue();
        found.ShouldBe(code);
    }

    [Theory]
    [InlineData("cjk unified ideograph-4e00")]
    [InlineData("hangul syllable ga")]
    [InlineData("LATIN SMALL LETTER A WITH MACRON AND GRAVE")]
    [InlineData("TANGUT IDEOGRAPH-17000")]
    [InlineData("CJK UNIFIED IDEOGRAPH-4e00")]
    [InlineData("LATİN SMALL LETTER A")]
    public void Names_CPython_refuses_are_refused(string name) => UnicodeNames.TryLookup(name, out _).ShouldBeFalse();

    private static void AssertRanges(JsonElement ranges, Func<int, bool> predicate)
    {
        var next = 0;
        foreach (var range in ranges.EnumerateArray())
        {
            var (first, last) = (range[0].GetInt32(), range[1].GetInt32());
            for (var c = next; c < first; c++)
            {
                predicate(c).ShouldBeFalse($"U+{c:X4}");
            }

            for (var c = first; c <= last; c++)
            {
                predicate(c).ShouldBeTrue($"U+{c:X4}");
            }

            next = last + 1;
        }

        for (var c = next; c < 0x110000; c++)
        {
            predicate(c).ShouldBeFalse($"U+{c:X4}");
        }
    }

    private static string Escape(string text) => string.Concat(text.EnumerateRunes().Select(r => $"\\U{r.Value:X6}"));
}
