using Shouldly;

namespace PyGuard.Regex.Tests.Analysis;

/// <summary>
/// Every pattern of the labelled corpus gets the complexity class CPython's timings gave it: exponential
/// ones are exponential, polynomial ones polynomial, and no safe pattern is flagged.
/// </summary>
public sealed class CorpusClassificationTests
{
    public static TheoryData<string> Exponential() => RedosCorpus.Ids(p => p.Label == "exponential");

    public static TheoryData<string> Polynomial() => RedosCorpus.Ids(p => p.Label == "polynomial");

    public static TheoryData<string> Safe() => RedosCorpus.Ids(p => p.Label == "safe");

    [Theory]
    [MemberData(nameof(Exponential))]
    public void Exponential_patterns_are_exponential(string id)
    {
        var report = RedosCorpus.Get(id).Analyze();
        report.Complexity.ShouldBe(Complexity.Exponential, report.Explanation);
        report.AttackString.ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(Polynomial))]
    public void Polynomial_patterns_are_polynomial(string id)
    {
        var report = RedosCorpus.Get(id).Analyze();
        report.Complexity.ShouldBe(Complexity.Polynomial, report.Explanation);
        report.Degree.ShouldBeGreaterThanOrEqualTo(2);
        report.AttackString.ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(Safe))]
    public void Safe_patterns_are_not_flagged(string id)
    {
        var report = RedosCorpus.Get(id).Analyze();
        report.Complexity.ShouldBe(Complexity.Linear, report.AttackString?.ToPython() + " " + report.Explanation);
        report.Status.ShouldBe(AnalysisStatus.Complete);
    }

    [Fact]
    public void The_corpus_has_at_least_forty_vulnerable_and_forty_safe_patterns_and_cites_real_cves()
    {
        var all = RedosCorpus.All.Value;
        all.Count(p => p.Label != "safe").ShouldBeGreaterThanOrEqualTo(40);
        all.Count(p => p.Label == "safe").ShouldBeGreaterThanOrEqualTo(40);
        all.Count(p => p.Label != "safe" && p.Source.Contains("CVE-")).ShouldBeGreaterThanOrEqualTo(10);
    }
}
