using System.Text;

using PyGuard.Syntax.Dump;
using PyGuard.Syntax.Tests.Support;

namespace PyGuard.Syntax.Tests;

/// <summary>
/// The acceptance test of the parser: every .py file of a CPython standard library (3.13, and 3.11 and
/// 3.12 as extra material) is dumped by CPython 3.13 — the reference — and by PyGuard in process; the
/// dumps, positions included, must be identical, and every file CPython rejects must be rejected with
/// the same message. scripts/differential/dump_reference.py streams the reference dumps.
/// </summary>
public sealed class StdlibDifferentialTests
{
    private const int ReportedMismatches = 10;

    [Theory]
    [InlineData("3.13")]
    [InlineData("3.12")]
    [InlineData("3.11")]
    public async Task Standard_library_dumps_as_CPython_3_13_dumps_it(string version)
    {
        var reference = CPython.Require("3.13");
        var library = LibraryOf(CPython.Require(version), version);
        using var process = CPython.Start(reference, Repository.Script("differential/dump_reference.py"), [library]);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        int compared = 0, rejected = 0;
        var mismatches = new List<string>();
        while (process.StandardOutput.ReadLine() is { } header)
        {
            var expected = process.StandardOutput.ReadLine() ?? throw new InvalidDataException("truncated reference stream after " + header);
            var separator = header.IndexOf(' ');
            var status = header[..separator];
            var path = header[(separator + 1)..];
            var source = File.ReadAllBytes(Path.Combine(library, path));
            var mismatch = status == "ok" ? CompareDump(source, expected) : CompareRejection(source, expected);
            if (status == "ok")
            {
                compared++;
            }
            else
            {
                rejected++;
            }

            if (mismatch is not null)
            {
                mismatches.Add($"{path}: {mismatch}");
            }
        }

        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        process.ExitCode.ShouldBe(0, await stderr);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"CPython {version} standard library ({library}): {compared} files compared, {rejected} rejected by CPython, {mismatches.Count} mismatches");
        compared.ShouldBeGreaterThan(1000);
        mismatches.ShouldBeEmpty(string.Join("\n", mismatches.Take(ReportedMismatches)));
    }

    private static string LibraryOf(string python, string version) =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(python))!, "lib", "python" + version);

    private static string? CompareDump(byte[] source, string expected)
    {
        var result = PythonParser.Parse(source);
        if (!result.Success)
        {
            return $"CPython parses it, PyGuard reports {result.Error}";
        }

        var actual = AstDumper.Dump(result.Tree, includePositions: true);
        if (actual == expected)
        {
            return null;
        }

        var at = 0;
        while (at < actual.Length && at < expected.Length && actual[at] == expected[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 120);
        return new StringBuilder()
            .Append($"dumps differ at character {at}\n")
            .Append("  cpython: ").Append(expected.AsSpan(from, Math.Min(240, expected.Length - from))).Append('\n')
            .Append("  pyguard: ").Append(actual.AsSpan(from, Math.Min(240, actual.Length - from)))
            .ToString();
    }

    /// <summary>The reference line is "Type: message (line N)".</summary>
    private static string? CompareRejection(byte[] source, string expected)
    {
        var result = PythonParser.Parse(source);
        if (result.Success)
        {
            return $"CPython rejects it ({expected}), PyGuard parses it";
        }

        var message = expected[..expected.LastIndexOf(" (line ", StringComparison.Ordinal)];
        var actual = $"{result.Error.KindName}: {result.Error.Message}";
        return actual == message ? null : $"CPython: {message}; PyGuard: {actual}";
    }
}
