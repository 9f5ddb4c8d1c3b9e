using System.Diagnostics;
using System.Text;
using System.Text.Json;
using PyGuard.Reporting.Sarif;

namespace PyGuard.Reporting.Tests.Sarif;

/// <summary>
/// The fingerprint GitHub computes. Expected values come from TestData/line_hash.py, a separate Python
/// implementation that recomputes each line's window from scratch instead of rolling it; one test checks
/// that the stored values are still what that script prints.
/// </summary>
public sealed class PrimaryLocationLineHashTests
{
    private static readonly string DataDirectory = Path.Combine(AppContext.BaseDirectory, "TestData");

    public static TheoryData<string> Inputs() => [.. Directory.EnumerateFiles(Path.Combine(DataDirectory, "LineHash")).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    [Fact]
    public void An_empty_file_has_the_hash_github_publishes_for_it()
    {
        // The value GitHub's own fingerprint tests give for an empty file.
        PrimaryLocationLineHash.ForAllLines(string.Empty).ShouldBe(["c129715d7a2bc9a3:1"]);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Every_line_matches_the_independent_implementation(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(DataDirectory, "LineHash", name));
        PrimaryLocationLineHash.ForAllLines(Encoding.UTF8.GetString(bytes)).ShouldBe(Expected()[name]);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Hashing_only_some_lines_gives_the_same_values(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(DataDirectory, "LineHash", name));
        var expected = Expected()[name];
        var wanted = new HashSet<int> { 1, expected.Count, expected.Count + 5 };
        var hashes = PrimaryLocationLineHash.ForLines(bytes, wanted);
        hashes.Keys.Order().ShouldBe(new[] { 1, expected.Count }.Distinct());
        hashes[1].ShouldBe(expected[0]);
        hashes[expected.Count].ShouldBe(expected[^1]);
    }

    [Fact]
    public void The_stored_values_are_what_the_python_implementation_prints()
    {
        var python = RequiredTool.Python();
        var files = Directory.EnumerateFiles(Path.Combine(DataDirectory, "LineHash")).Order(StringComparer.Ordinal).ToList();
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(DataDirectory, "line_hash.py"));
        files.ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, process.StandardError.ReadToEnd());
        var printed = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(output)!;
        var stored = Expected();
        printed.Keys.Order(StringComparer.Ordinal).ShouldBe(stored.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, hashes) in stored)
        {
            printed[name].ShouldBe(hashes, name);
        }
    }

    [Fact]
    public void Inserting_lines_above_does_not_change_a_lines_hash()
    {
        const string Code = "def f(x):\n    return eval(x)\n\nprint(f('1'))\n";
        var before = PrimaryLocationLineHash.ForAllLines(Code);
        var after = PrimaryLocationLineHash.ForAllLines("import sys\n# a new comment\n\n" + Code);
        after.Skip(3).ShouldBe(before);
    }

    [Fact]
    public void Indentation_and_line_endings_do_not_change_a_hash()
    {
        var plain = PrimaryLocationLineHash.ForAllLines("x = 1\nif x:\n    eval(x)\n");
        PrimaryLocationLineHash.ForAllLines("x = 1\r\nif x:\r\n\t\teval(x)\r\n").ShouldBe(plain);
        PrimaryLocationLineHash.ForAllLines("x = 1\rif x:\r  eval( x )\r").ShouldBe(plain);
    }

    [Fact]
    public void A_change_within_the_next_hundred_characters_changes_the_hash_and_one_further_away_does_not()
    {
        var filler = new string('#', 120);
        var original = PrimaryLocationLineHash.ForAllLines($"eval(x)\ny = 2\n{filler}\nz = 3\n");
        var nearChange = PrimaryLocationLineHash.ForAllLines($"eval(x)\ny = 3\n{filler}\nz = 3\n");
        var farChange = PrimaryLocationLineHash.ForAllLines($"eval(x)\ny = 2\n{filler}\nz = 4\n");
        nearChange[0].ShouldNotBe(original[0]);
        farChange[0].ShouldBe(original[0]);
    }

    [Fact]
    public void Identical_lines_are_numbered_by_occurrence()
    {
        var hashes = PrimaryLocationLineHash.ForAllLines(new string('\n', 3) + string.Concat(Enumerable.Repeat("eval(x)\n", 150)));
        var first = hashes[3].Split(':')[0];
        hashes[3].ShouldBe(first + ":1");
        hashes[4].ShouldBe(first + ":2");
    }

    [Fact]
    public void An_astral_character_counts_as_two_code_units()
    {
        // 1 + 97 + 1 units of text: the window still holds the unit after "b". With an astral character
        // the same text is 2 + 97 + 1 units, which fills the window, so what follows "b" no longer counts.
        var prefix = new string('a', 97) + "b";
        var bmp = PrimaryLocationLineHash.ForAllLines("\u00e9" + prefix + "\n")[0];
        PrimaryLocationLineHash.ForAllLines("\u00e9" + prefix + "X\n")[0].ShouldNotBe(bmp);
        var astral = PrimaryLocationLineHash.ForAllLines("\U0001F600" + prefix + "\n")[0];
        PrimaryLocationLineHash.ForAllLines("\U0001F600" + prefix + "X\n")[0].ShouldBe(astral);
    }

    private static Dictionary<string, List<string>> Expected() =>
        JsonSerializer.Deserialize<Dictionary<string, List<string>>>(File.ReadAllText(Path.Combine(DataDirectory, "line-hashes.json")))!;
}
