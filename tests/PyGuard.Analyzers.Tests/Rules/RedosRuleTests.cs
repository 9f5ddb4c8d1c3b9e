using PyGuard.Engine.Model;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.Rules;

public sealed class RedosRuleTests
{
    [Theory]
    [InlineData("import re\nre.match(r'^(a+)+$', s)")]
    [InlineData("import re\nP = re.compile(r'^(\\w+\\s?)+$')\nP.match(s)")]
    [InlineData("import re\nPATTERN = '^(' + 'a|aa' + ')+$'\nre.fullmatch(PATTERN, s)")]
    [InlineData("import regex\nregex.search(r'(x+x+)+y', s)")]
    [InlineData("import re\ndef check(p, s):\n    return re.match(p, s)\ncheck(r'^(a+)+$', 'x')")]
    // The module reached without an import statement: the rule must not take "no import re" for "no regex".
    [InlineData("import importlib\nrx = importlib.import_module('r' + 'e')\nrx.match(r'^(a+)+$', s)")]
    [InlineData("m = __import__('re')\nm.compile(r'^(\\w+\\s?)+$').match(s)")]
    [InlineData("from importlib import import_module as load\nload('regex').search(r'(x+x+)+y', s)")]
    public void ExponentialPatternsAreBlocked(string code)
    {
        var result = TestScanner.Scan(code);
        result.Findings.ShouldContain(f => f.RuleId == "PG501" && f.Message.Contains("attack"));
        result.Verdict.ShouldBe(Verdict.Block);
    }

    [Fact]
    public void QuadraticSearchIsReviewedAndCubicIsBlocked()
    {
        var quadratic = TestScanner.Findings("import re\nre.sub(r'\\s+$', '', text)").ShouldHaveSingleItem();
        quadratic.RuleId.ShouldBe("PG502");
        quadratic.Severity.ShouldBe(Severity.Warning);
        quadratic.Message.ShouldContain("O(n^2)");
        TestScanner.Findings("import re\nre.search(r'\\s*(\\d+)\\s*(\\S+) (.*)', line)").ShouldContain(f => f.RuleId == "PG502" && f.Severity == Severity.Error);
    }

    [Fact]
    public void QuadraticPatternOnAHugeInputIsBlocked()
    {
        var finding = TestScanner.Findings("import re\ntext = ' ' * 200000 + 'x'\nre.search(r'\\s+$', text)").ShouldHaveSingleItem();
        finding.Severity.ShouldBe(Severity.Error);
        finding.Message.ShouldContain("200001-character input");
    }

    [Fact]
    public void MatchSemanticsMatter()
    {
        // Anchored at the start by match(), \s+$ is linear; searched, it is quadratic.
        TestScanner.RuleIds("import re\nre.match(r'\\s+$', text)").ShouldBeEmpty();
        TestScanner.RuleIds("import re\nre.search(r'\\s+$', text)").ShouldBe(["PG502"]);
    }

    [Fact]
    public void FlagsAreFolded()
    {
        // Under IGNORECASE, (a|A)+ is one class and linear; without it the alternation is ambiguous only if the branches overlap.
        TestScanner.RuleIds("import re\nre.match(r'^(a|A)+$', s, re.I | re.M)").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(@"^\d{4}-\d{2}-\d{2}$")]
    [InlineData(@"^[a-z]+(?:_[a-z]+)*$")]
    [InlineData(@"^(?=.{1,253}$)(?!-)[A-Za-z0-9-]{1,63}(?<!-)(?:\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*$")]
    [InlineData(@"^(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}$")]
    [InlineData(@"^[\w.+-]+@[\w-]+\.[\w.]+$")]
    [InlineData(@"(?>a+)+$")]
    [InlineData(@"^a++b$")]
    public void SafePatternsAreNeverFlagged(string pattern) =>
        TestScanner.RuleIds($"import re\nre.match(r'{pattern}', s)").ShouldBeEmpty();

    [Fact]
    public void InvalidPatternIsReportedWithCPythonsMessage()
    {
        var finding = TestScanner.Findings("import re\nre.compile(r'[a-z')").ShouldHaveSingleItem();
        finding.RuleId.ShouldBe("PG504");
        finding.Message.ShouldContain("unterminated character set");
    }

    [Fact]
    public void PatternFromInputIsAnError()
    {
        var finding = TestScanner.Findings("import re, sys\nterm = sys.argv[1]\nre.search(term, text)").ShouldHaveSingleItem();
        finding.RuleId.ShouldBe("PG503");
        finding.Severity.ShouldBe(Severity.Error);
    }

    [Theory]
    [InlineData("import re, sys\nterm = sys.argv[1]\nre.search(re.escape(term), text)")]
    [InlineData("import re\ndef find(pattern, text):\n    return re.search(pattern, text)")]
    [InlineData("import re\nWORD = r'\\w+'\nre.findall(WORD + r'\\s', text)")]
    public void EscapedInputParametersAndConstantsAreNotInjection(string code) =>
        TestScanner.RuleIds(code).ShouldNotContain("PG503");
}
