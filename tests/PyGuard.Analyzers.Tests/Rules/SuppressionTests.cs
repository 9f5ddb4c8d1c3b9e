using PyGuard.Engine.Model;
using PyGuard.Engine.Policies;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.Rules;

public sealed class SuppressionTests
{
    private const string Code = "import os\nos.system('id')  # pyguard: ignore[PG204]\n";

    [Fact]
    public void AgentIgnoresSuppressionsAndReportsThem()
    {
        var result = TestScanner.Scan(Code);
        result.Findings.ShouldContain(f => f.RuleId == "PG204" && !f.IsSuppressed);
        result.Findings.ShouldContain(f => f.RuleId == "PG890" && f.Severity == Severity.Warning);
        result.Verdict.ShouldBe(Verdict.Block);
    }

    [Fact]
    public void AuditHonoursSuppressions()
    {
        var result = TestScanner.Scan(Code, Policy.Audit);
        result.Findings.ShouldContain(f => f.RuleId == "PG204" && f.IsSuppressed);
        result.ActiveFindings.ShouldNotContain(f => f.RuleId == "PG204");
        result.Verdict.ShouldBe(Verdict.Allow);
    }

    [Fact]
    public void AuditReportsSuppressionsThatSuppressNothing()
    {
        var result = TestScanner.Scan("x = 1  # pyguard: ignore[PG301]\n", Policy.Audit);
        result.ActiveFindings.ShouldHaveSingleItem().RuleId.ShouldBe("PG891");
    }

    [Fact]
    public void SyntaxFindingsCannotBeSuppressed()
    {
        var result = TestScanner.Scan("def f(:  # pyguard: ignore\n", Policy.Audit);
        result.Verdict.ShouldBe(Verdict.Block);
    }
}
