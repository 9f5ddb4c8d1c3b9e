using System.Text;
using System.Text.RegularExpressions;
using PyGuard.Engine.Model;
using PyGuard.Engine.Policies;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.Corpus;

/// <summary>
/// Scans every sample of the labelled corpus under the agent policy and holds it to its label: hostile
/// samples are blocked, with a finding of their category and every rule their header lists; benign
/// samples are never blocked and get exactly the verdict they are labelled with. The labels say what a
/// careful reviewer would decide (corpus/README.md); when a sample fails, the rules are what to fix.
/// </summary>
public sealed partial class CorpusTests
{
    private static readonly string[] HostileCategories = ["import", "exec", "escape", "obfuscation", "resource", "redos", "exfil", "filesystem"];

    private static readonly PythonScanner Scanner = new(Policy.Agent);

    public static TheoryData<string> HostileSamples => Rows(CorpusFiles.Under("hostile"));

    public static TheoryData<string> BenignSamples => Rows(CorpusFiles.Under("benign"));

    public static TheoryData<string> AllSamples => Rows(CorpusFiles.Under("hostile").Concat(CorpusFiles.Under("benign")));

    [Theory]
    [MemberData(nameof(HostileSamples))]
    public void HostileSampleIsBlockedWithItsCategoryAndRules(string file)
    {
        var sample = CorpusSample.Load(file);
        var result = Scan(sample);
        var findings = result.ActiveFindings.ToList();
        var problems = new List<string>();
        if (result.Verdict != Verdict.Block)
        {
            problems.Add($"the verdict is {result.Verdict.ToName()}, not block");
        }

        if (sample.Category is { } category && !findings.Any(f => f.Category == category))
        {
            problems.Add($"no finding of category {category.ToName()}");
        }

        var missing = sample.Rules.Where(rule => !findings.Any(f => f.RuleId == rule)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"not reported: {string.Join(", ", missing)}");
        }

        if (problems.Count > 0)
        {
            Assert.Fail(Describe(sample, result, problems));
        }
    }

    [Theory]
    [MemberData(nameof(BenignSamples))]
    public void BenignSampleGetsItsLabelledVerdict(string file)
    {
        var sample = CorpusSample.Load(file);
        var result = Scan(sample);
        if (result.Verdict != sample.Verdict)
        {
            var problem = result.Verdict == Verdict.Block
                ? "benign code is blocked"
                : $"the verdict is {result.Verdict.ToName()}, not {sample.Verdict.ToName()}";
            Assert.Fail(Describe(sample, result, [problem]));
        }
    }

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void HeaderAgreesWithWhereTheSampleLives(string file)
    {
        var sample = CorpusSample.Load(file);
        SampleName().IsMatch(Path.GetFileName(file)).ShouldBeTrue($"{file}: names are NN-short-name.py (lower case, digits and hyphens)");
        sample.Rules.ShouldAllBe(rule => Enum.GetValues<RuleCategory>().Any(c => c.Owns(rule)), $"{file}: every rule id is PGnxx with n a category");
        sample.Rules.ShouldBeUnique($"{file}: a rule is listed once");
        if (sample.IsHostile)
        {
            HostileCategories.ShouldContain(sample.FolderCategory, $"{file}: hostile samples sit in a folder named after their category");
            sample.Verdict.ShouldBe(Verdict.Block, $"{file}: hostile samples are labelled block");
            sample.Category.ShouldNotBeNull($"{file}: hostile samples name their category");
            sample.Category.Value.ToName().ShouldBe(sample.FolderCategory, $"{file}: the header's category is the folder's");
            sample.Rules.ShouldNotBeEmpty($"{file}: hostile samples list the rules that describe them");
        }
        else
        {
            sample.Verdict.ShouldNotBe(Verdict.Block, $"{file}: benign samples are labelled allow or review");
            sample.Category.ShouldBeNull($"{file}: benign samples have no category");
            sample.Rules.ShouldBeEmpty($"{file}: benign samples list no rules");
        }
    }

    [Fact]
    public void CorpusHasEnoughSamplesOfEveryKind()
    {
        var hostile = CorpusFiles.Under("hostile").GroupBy(path => path.Split('/')[1]).ToDictionary(g => g.Key, g => g.Count());
        foreach (var category in HostileCategories)
        {
            hostile.GetValueOrDefault(category).ShouldBeGreaterThanOrEqualTo(20, $"hostile samples of category {category}");
        }

        CorpusFiles.Under("benign").Count().ShouldBeGreaterThanOrEqualTo(80, "benign samples");
    }

    [Fact]
    public void SampleNumbersAreUniqueWithinAFolder()
    {
        var clashes = CorpusFiles.Under("hostile").Concat(CorpusFiles.Under("benign"))
            .GroupBy(path => $"{Path.GetDirectoryName(path)}/{Path.GetFileName(path).Split('-')[0]}")
            .Where(group => group.Count() > 1)
            .Select(group => string.Join(" and ", group));
        clashes.ShouldBeEmpty();
    }

    private static FileScanResult Scan(CorpusSample sample) =>
        Scanner.Scan(File.ReadAllBytes(CorpusFiles.FullPath(sample.RelativePath)), $"corpus/{sample.RelativePath}");

    private static string Describe(CorpusSample sample, FileScanResult result, IEnumerable<string> problems)
    {
        var text = new StringBuilder()
            .AppendLine($"corpus/{sample.RelativePath}: {string.Join("; ", problems)}")
            .AppendLine($"  what:     {sample.What}")
            .AppendLine($"  expected: {sample.Label}")
            .AppendLine($"  found:    verdict={result.Verdict.ToName()} score={result.Score}{(result.Parsed ? "" : " (not parsed)")}");
        foreach (var finding in result.Findings.OrderBy(f => f.Location.Line).ThenBy(f => f.Location.Column))
        {
            text.AppendLine(
                $"    {finding.RuleId} {finding.Category.ToName()} {finding.Severity.ToName()}/{finding.Confidence.ToName()} " +
                $"{finding.Location.Line}:{finding.Location.Column}{(finding.IsSuppressed ? " (suppressed)" : "")} {finding.Message}");
        }

        return text.ToString();
    }

    private static TheoryData<string> Rows(IEnumerable<string> files)
    {
        var rows = new TheoryData<string>();
        foreach (var file in files)
        {
            rows.Add(file);
        }

        return rows;
    }

    [GeneratedRegex(@"^\d{2,3}-[a-z0-9]+(?:-[a-z0-9]+)*\.py$")]
    private static partial System.Text.RegularExpressions.Regex SampleName();
}
