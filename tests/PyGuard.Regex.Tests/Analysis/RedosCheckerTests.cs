using System.Diagnostics;
using Shouldly;

namespace PyGuard.Regex.Tests.Analysis;

public sealed class RedosCheckerTests
{
    [Fact]
    public void Nested_quantifier_is_exponential_with_an_attack_and_a_named_culprit()
    {
        var report = RedosChecker.Analyze("^(a+)+$", mode: MatchMode.Match);
        report.Complexity.ShouldBe(Complexity.Exponential);
        report.Status.ShouldBe(AnalysisStatus.Complete);
        report.Explanation.ShouldContain("(a+)+ at 1:2");
        report.AttackString!.Pump.ShouldMatch("^a+$");
        report.AttackString.Suffix.ShouldNotBeEmpty();
    }

    [Fact]
    public void Trailing_whitespace_is_quadratic_only_when_searched()
    {
        var search = RedosChecker.Analyze(@"\s+$");
        search.Complexity.ShouldBe(Complexity.Polynomial);
        search.Degree.ShouldBe(2);
        search.Explanation.ShouldContain("every start position");
        RedosChecker.Analyze(@"\s+$", mode: MatchMode.Match).Complexity.ShouldBe(Complexity.Linear);
    }

    [Fact]
    public void Match_mode_succeeds_early_where_fullmatch_must_fail()
    {
        // re.match of (a|a)* succeeds at once on any input; re.fullmatch has to try every split.
        RedosChecker.Analyze("(a|a)*", mode: MatchMode.Match).Complexity.ShouldBe(Complexity.Linear);
        RedosChecker.Analyze("(a|a)*", mode: MatchMode.FullMatch).Complexity.ShouldBe(Complexity.Exponential);
    }

    [Fact]
    public void Chained_loops_give_the_degree()
    {
        var report = RedosChecker.Analyze(@"^\d*\d*\d*$", mode: MatchMode.Match);
        report.Complexity.ShouldBe(Complexity.Polynomial);
        report.Degree.ShouldBe(3);
    }

    [Fact]
    public void Flags_are_python_values()
    {
        ((int)RegexFlags.IgnoreCase, (int)RegexFlags.Locale, (int)RegexFlags.Multiline, (int)RegexFlags.DotAll,
            (int)RegexFlags.Unicode, (int)RegexFlags.Verbose, (int)RegexFlags.Ascii).ShouldBe((2, 4, 8, 16, 32, 64, 256));
        RedosChecker.Analyze("^(ab|AB)*c$", (RegexFlags)2, MatchMode.Match).Complexity.ShouldBe(Complexity.Exponential);
        RedosChecker.Analyze("^(ab|AB)*c$", mode: MatchMode.Match).Complexity.ShouldBe(Complexity.Linear);
    }

    [Fact]
    public void Invalid_patterns_are_reported_not_thrown()
    {
        var report = RedosChecker.Analyze("(?P<1>a)");
        report.Status.ShouldBe(AnalysisStatus.InvalidPattern);
        report.Error!.Message.ShouldBe("bad character in group name '1'");
        report.Error.Position.ShouldBe(4);
    }

    [Fact]
    public void Bytes_patterns_are_analysed_and_rendered_as_bytes()
    {
        var report = RedosChecker.Analyze("^(\\d+)+$"u8, mode: MatchMode.Match);
        report.Complexity.ShouldBe(Complexity.Exponential);
        report.AttackString!.ToPython(10).ShouldStartWith("b'");
    }

    [Fact]
    public void Attack_strings_render_as_python_literals()
    {
        var attack = new AttackString("x'", "\t\u00e9", "\u0000", IsBytes: false);
        attack.ToPython(3).ShouldBe("\"x'\" + '\\té' * 3 + '\\x00'");
        attack.Build(2).ShouldBe("x'\t\u00e9\t\u00e9\u0000");
    }

    [Theory]
    [InlineData("(a{1000}){1000}")]
    [InlineData("((((((((((a*)*)*)*)*)*)*)*)*)*)*b")]
    [InlineData("(?:a{1,100}){1,100}(?:b{1,100}){1,100}$")]
    [InlineData("(x+x+)+y(x+x+)+y(x+x+)+y(x+x+)+y")]
    public void Adversarial_patterns_finish_within_the_limits(string pattern)
    {
        var limits = RedosLimits.Default with { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        var report = RedosChecker.Analyze(pattern, limits: limits);
        clock.Stop();
        report.Status.ShouldNotBe(AnalysisStatus.InvalidPattern);
        // The bound is the limit itself plus the work between two checks of the clock, not a speed claim.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public void Enormous_alternations_and_deep_nesting_are_incomplete_rather_than_stuck()
    {
        var alternation = string.Join("|", Enumerable.Range(0, 3000).Select(i => $"a{i}b*"));
        var report = RedosChecker.Analyze($"^(?:{alternation})+$", limits: RedosLimits.Default with { MaxSteps = 100_000 });
        report.Status.ShouldBeOneOf(AnalysisStatus.Complete, AnalysisStatus.Incomplete);
        RedosChecker.Analyze(new string('(', 300) + new string(')', 300)).Status.ShouldBe(AnalysisStatus.Incomplete);
    }

    [Fact]
    public void A_tiny_step_budget_gives_incomplete()
    {
        var report = RedosChecker.Analyze(@"^(?:\w+\s?)+(?:[a-z]+\d*)+$", limits: RedosLimits.Default with { MaxSteps = 50 });
        report.Status.ShouldBe(AnalysisStatus.Incomplete);
        report.Explanation.ShouldContain("incomplete");
    }

    [Fact]
    public void Cancellation_stops_the_analysis()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var report = RedosChecker.Analyze(@"^(?:\w+\s?)+(?:[a-z]+\d*)+(?:x+x+)+y$",
            limits: RedosLimits.Default with { Cancellation = cancelled.Token, MaxSteps = long.MaxValue });
        report.Status.ShouldBe(AnalysisStatus.Incomplete);
    }

    [Fact]
    public void Analyses_run_in_parallel_give_the_same_answers()
    {
        var patterns = new[] { "^(a+)+$", @"\s+$", @"^\d{4}-\d{2}-\d{2}$", @"(\w+)\s+\1", "(?i)^(k|K)+$" };
        var expected = patterns.Select(p => RedosChecker.Analyze(p).Complexity).ToArray();
        Parallel.For(0, 200, i =>
        {
            var p = i % patterns.Length;
            RedosChecker.Analyze(patterns[p]).Complexity.ShouldBe(expected[p]);
        });
    }
}
