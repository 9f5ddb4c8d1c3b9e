using PyGuard.Semantics;
using PyGuard.Syntax.Tree;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.Semantics;

/// <summary>The model keeps one derived answer per call for the rules that ask it in turn, and no more.</summary>
public sealed class LastCallAnswerTests
{
    private static (SemanticModel Model, ExprCall First, ExprCall Second) TwoCalls()
    {
        var model = TestScanner.Model("import os\nprobe(os.getcwd())\nprobe(os.listdir('.'))");
        var calls = ((ModModule)model.Tree.Root).Body
            .OfType<StmtExpr>().Select(s => (ExprCall)((ExprCall)s.Value).Args[0])
            .ToList();
        return (model, calls[0], calls[1]);
    }

    [Fact]
    public void The_same_question_about_the_same_call_is_answered_once()
    {
        var (model, first, _) = TwoCalls();
        var computed = 0;
        Func<SemanticModel, ExprCall, string?> describe = (m, c) => { computed++; return m.CalleeNames(c).FirstOrDefault(); };

        model.LastCallAnswer(first, describe).ShouldBe("os.getcwd");
        model.LastCallAnswer(first, describe).ShouldBe("os.getcwd");
        computed.ShouldBe(1);
    }

    [Fact]
    public void Another_call_or_another_question_is_computed_again()
    {
        var (model, first, second) = TwoCalls();
        var computed = 0;
        Func<SemanticModel, ExprCall, string?> describe = (m, c) => { computed++; return m.CalleeNames(c).FirstOrDefault(); };
        Func<SemanticModel, ExprCall, string?> nothing = (_, _) => { computed++; return null; };

        model.LastCallAnswer(first, describe).ShouldBe("os.getcwd");
        model.LastCallAnswer(second, describe).ShouldBe("os.listdir");
        model.LastCallAnswer(second, nothing).ShouldBeNull();
        model.LastCallAnswer(second, nothing).ShouldBeNull();
        model.LastCallAnswer(second, describe).ShouldBe("os.listdir");
        computed.ShouldBe(4);
    }
}
