using System.Text;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.Semantics;

/// <summary>
/// The values recorded per expression are kept in slots by node number, in chunks made on first use: every
/// expression of a large file, on either side of a chunk's edge, keeps its own value, and an expression of
/// another tree that happens to have the same number is not given the value of the one that owns the slot.
/// Full chunks go back to a per-thread pool when the engine is done with a file: the next file must see
/// nothing of the last one.
/// </summary>
public sealed class ExpressionValuesTests
{
    [Fact]
    public void EveryExpressionOfALargeFileKeepsItsOwnValue()
    {
        // Each line is three nodes (statement, target, value): thousands of lines
        // span several chunks, and some line straddles every chunk boundary.
        var code = new StringBuilder();
        for (var i = 0; i < 3000; i++)
        {
            code.Append($"v{i} = 'x{i}'\n");
        }

        var model = TestScanner.Model(code.ToString());
        model.Tree.NodeCount.ShouldBeGreaterThan(3 * 2048);
        var checkedValues = 0;
        foreach (var statement in model.Tree.Root.Body)
        {
            var assign = (StmtAssign)statement;
            var index = int.Parse(((ExprName)assign.Targets[0]).Id[1..]);
            model.StringOf(assign.Value).ShouldBe($"x{index}");
            model.StringOf(assign.Targets[0]).ShouldBe($"x{index}");
            checkedValues++;
        }

        checkedValues.ShouldBe(3000);
    }

    [Fact]
    public void AnExpressionOfAnotherTreeIsNotTakenForTheOneWithItsNumber()
    {
        const string code = "x = 'a'\nprobe(x)";
        var model = TestScanner.Model(code);
        var other = TestScanner.Model(code);
        var mine = ExpressionFinder.Probe(model);
        var theirs = ExpressionFinder.Probe(other);
        theirs.Index.ShouldBe(mine.Index);

        model.StringOf(mine).ShouldBe("a");
        model.ValueOf(theirs).ShouldBe(ValueSet.Unknown);
    }

    [Fact]
    public void AReleasedModelReadsAsUnknown()
    {
        var model = TestScanner.Model(LargeFile("x"));
        var value = ((StmtAssign)model.Tree.Root.Body[^1]).Value;
        model.StringOf(value).ShouldBe("x2999");

        model.ReleaseValues();

        model.ValueOf(value).ShouldBe(ValueSet.Unknown);
    }

    [Fact]
    public void AFileGivenTheChunksOfAReleasedOneSeesNoneOfItsValues()
    {
        // The reference to eval sits in the first chunk of the first file; the second file, as large, takes
        // pooled chunks for its own. Were a chunk handed on uncleared, the second file would seem to hold eval.
        var executors = new HashSet<string> { "builtins.eval" };
        var first = TestScanner.Model("run = eval\n" + LargeFile("x"));
        first.MayHoldReferenceTo(executors).ShouldBeTrue();
        first.ReleaseValues();

        var second = TestScanner.Model(LargeFile("y"));

        second.MayHoldReferenceTo(executors).ShouldBeFalse();
        second.StringOf(((StmtAssign)second.Tree.Root.Body[0]).Value).ShouldBe("y0");
        second.StringOf(((StmtAssign)second.Tree.Root.Body[^1]).Value).ShouldBe("y2999");
    }

    // Three nodes a line (statement, target, value): 3,000 lines fill four chunks of 2,048 slots and part of a fifth.
    private static string LargeFile(string prefix)
    {
        var code = new StringBuilder();
        for (var i = 0; i < 3000; i++)
        {
            code.Append($"v{i} = '{prefix}{i}'\n");
        }

        return code.ToString();
    }
}
