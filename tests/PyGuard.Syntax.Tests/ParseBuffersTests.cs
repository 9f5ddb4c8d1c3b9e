using PyGuard.Syntax.Lexing;
using PyGuard.Syntax.Parsing;
using PyGuard.Syntax.Tree;

namespace PyGuard.Syntax.Tests;

/// <summary>The per-thread buffers that successive parses share: reused when small, cleared, never shared by two parses.</summary>
public sealed class ParseBuffersTests
{
    [Fact]
    public void Returned_buffers_are_reused_with_their_stack_cleared()
    {
        var buffers = ParseBuffers.Take();
        var stack = buffers.Stack;
        stack[0].Node = new ExprName("left", ExprContext.Load, default);
        stack[1].Node = new ExprName("over", ExprContext.Load, default);
        buffers.Return(buffers.Tokens, stack, stackTop: 2);

        var again = ParseBuffers.Take();

        again.ShouldBeSameAs(buffers);
        again.Stack.ShouldBeSameAs(stack);
        again.Stack[0].Node.ShouldBeNull();
        again.Stack[1].Node.ShouldBeNull();
        again.Return(again.Tokens, again.Stack, 0);
    }

    [Fact]
    public void Buffers_in_use_are_not_handed_to_a_second_parse()
    {
        var first = ParseBuffers.Take();
        var second = ParseBuffers.Take();

        second.ShouldNotBeSameAs(first);
        second.Tokens.ShouldNotBeSameAs(first.Tokens);
        second.Stack.ShouldNotBeSameAs(first.Stack);
        first.Return(first.Tokens, first.Stack, 0);
    }

    [Fact]
    public void Buffers_grown_past_the_bound_are_not_kept()
    {
        var buffers = ParseBuffers.Take();
        buffers.Return(new Token[ParseBuffers.MaxKeptLength * 2], buffers.Stack, 0);

        var next = ParseBuffers.Take();

        next.ShouldNotBeSameAs(buffers);
        next.Tokens.Length.ShouldBe(ParseBuffers.InitialLength);
        next.Return(next.Tokens, next.Stack, 0);
    }

    [Fact]
    public void Parses_after_a_failed_one_are_unaffected_by_what_it_left()
    {
        // The failure leaves nodes on the stack and tokens in the buffer; the next parse must not see them.
        PythonParser.Parse("x = [a, b, c, (d, e\n").Success.ShouldBeFalse();
        var tree = PythonParser.Parse("y = 1\n").Tree!;

        tree.Root.Body.Length.ShouldBe(1);
        ((ExprName)((StmtAssign)tree.Root.Body[0]).Targets[0]).Id.ShouldBe("y");
    }
}
