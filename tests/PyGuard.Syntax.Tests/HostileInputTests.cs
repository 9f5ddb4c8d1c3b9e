using System.Text;

using PyGuard.Syntax.Dump;
using PyGuard.Syntax.Tree;

namespace PyGuard.Syntax.Tests;

/// <summary>
/// Source written by an adversary: whatever it is, parsing ends with a tree or a syntax error, never an
/// exception, a hang or a stack overflow (which .NET cannot catch). No timings are asserted.
/// </summary>
public sealed class HostileInputTests
{
    private const int Many = 100_000;

    [Theory]
    [InlineData("(", ")", "too many nested parentheses")]
    [InlineData("[", "]", "too many nested parentheses")]
    [InlineData("{", "}", "too many nested parentheses")]
    [InlineData("f(", ")", "too many nested parentheses")]
    public void Deep_brackets_are_refused_at_200_levels(string open, string close, string message)
    {
        var error = ParseError(Repeat(open, Many) + "1" + Repeat(close, Many));
        error.Message.ShouldBe(message);
        error.Column.ShouldBe(201 * open.Length, "at the 201st opening bracket");
    }

    [Theory]
    [InlineData("not ")]
    [InlineData("-")]
    [InlineData("~")]
    [InlineData("+")]
    [InlineData("lambda: ")]
    [InlineData("a if b else ")]
    [InlineData("a ** ")]
    [InlineData("yield ")]
    public void Deep_prefix_chains_are_too_complex(string prefix)
    {
        var error = ParseError(Repeat(prefix, Many) + "x");
        if (prefix == "yield ")
        {
            error.Message.ShouldBe("invalid syntax");
            return;
        }

        error.Kind.ShouldBe(SyntaxErrorKind.MemoryError);
        error.Message.ShouldBe("Parser stack overflowed - Python source too complex to parse");
    }

    [Theory]
    [InlineData("1", "+1")]
    [InlineData("a", ".b")]
    [InlineData("f", "()")]
    [InlineData("a", "[0]")]
    [InlineData("if x: pass\n", "elif x: pass\n")]
    public void Long_left_associative_chains_are_refused_beyond_the_depth_bound(string start, string link)
    {
        foreach (var options in new[] { ParseOptions.Default, new ParseOptions { MaxTreeDepth = ParseOptions.CPythonMaxTreeDepth } })
        {
            var error = ParseError(start + Repeat(link, Many), options);
            error.Kind.ShouldBe(SyntaxErrorKind.RecursionError);
            error.Message.ShouldBe("maximum recursion depth exceeded during ast construction");
        }
    }

    [Fact]
    public void A_chain_within_the_bound_parses_and_dumps()
    {
        var tree = Parse(Repeat("1+", ParseOptions.DefaultMaxTreeDepth - 10) + "1");
        AstDumper.Dump(tree, includePositions: true).ShouldStartWith("Module(body=[Expr(value=BinOp(left=BinOp(");
    }

    [Fact]
    public void A_recursive_walker_over_the_deepest_allowed_tree_fits_in_a_small_thread_stack()
    {
        // The documented guarantee: DefaultMaxTreeDepth levels of a NodeWalker fit well inside 1 MiB.
        var tree = Parse(Repeat("-(", 150) + Repeat("1+", ParseOptions.DefaultMaxTreeDepth - 400) + "1" + Repeat(")", 150));
        var counted = 0;
        var thread = new Thread(() => counted = new NodeCounter().Count(tree.Root), 1024 * 1024);
        thread.Start();
        thread.Join();
        counted.ShouldBeGreaterThan(ParseOptions.DefaultMaxTreeDepth);
    }

    [Theory]
    [InlineData("not ", "")]
    [InlineData("(", ")")]
    [InlineData("[", "]")]
    [InlineData("{1: ", "}")]
    [InlineData("f(", ")")]
    [InlineData("-", "")]
    [InlineData("lambda: ", "")]
    [InlineData("x if y else ", "")]
    public void Parsing_deep_nesting_of_every_kind_on_a_thread_with_a_tiny_stack_fails_cleanly_instead_of_overflowing(string open, string close)
    {
        // Each shape spends a different number of parser frames per level of nesting; 5,000 levels are
        // under the parser's own depth limit, so only the stack probe can stop them before the stack ends.
        ParseResult? result = null;
        var thread = new Thread(() => result = PythonParser.Parse(Repeat(open, 5000) + "x" + Repeat(close, 5000)), 192 * 1024);
        thread.Start();
        thread.Join();
        result.ShouldNotBeNull();
        result.Error.ShouldNotBeNull().Message.ShouldBe("Parser stack overflowed - Python source too complex to parse");
    }

    [Fact]
    public void A_one_megabyte_line_parses()
    {
        var tree = Parse("x = [" + Repeat("1, ", 350_000) + "]");
        ((ExprList)((StmtAssign)tree.Root.Body[0]).Value).Elts.Length.ShouldBe(350_000);
    }

    [Fact]
    public void A_one_megabyte_string_parses()
    {
        var tree = Parse("x = '" + new string('a', 1_000_000) + "'");
        ((string)((ExprConstant)((StmtAssign)tree.Root.Body[0]).Value).Value!).Length.ShouldBe(1_000_000);
    }

    [Fact]
    public void A_fifty_megabyte_file_parses()
    {
        var line = "value = compute(alpha, beta[0], 'text')  # " + new string('c', 60) + "\n";
        var source = new StringBuilder(50 * 1024 * 1024 + line.Length);
        while (source.Length < 50 * 1024 * 1024)
        {
            source.Append(line);
        }

        var result = PythonParser.Parse(Encoding.UTF8.GetBytes(source.ToString()));
        result.Success.ShouldBeTrue();
        result.Tree!.Root.Body.Length.ShouldBe(source.Length / line.Length);
        result.Tree.Comments.Length.ShouldBe(source.Length / line.Length);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'a', 0, (byte)'b' }, "source code string cannot contain null bytes")]
    [InlineData(new byte[] { 0 }, "source code string cannot contain null bytes")]
    [InlineData(new byte[] { (byte)'x', (byte)'=', (byte)'"', 0xFF, (byte)'"' }, "(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte")]
    [InlineData(new byte[] { 0xC3, 0x28 }, "(unicode error) 'utf-8' codec can't decode byte 0xc3 in position 0: unexpected end of data")]
    [InlineData(new byte[] { (byte)'\\' }, "unexpected EOF while parsing")]
    [InlineData(new byte[] { (byte)'x', (byte)'\n', (byte)'\'', (byte)'\'', (byte)'\'', (byte)'a' }, "unterminated triple-quoted string literal (detected at line 2)")]
    public void Malformed_bytes_give_a_syntax_error(byte[] source, string message)
    {
        var result = PythonParser.Parse(source);
        result.Error.ShouldNotBeNull().Message.ShouldBe(message);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(20251126);
        var alphabet = Encoding.UTF8.GetBytes("()[]{}:;,.'\"\\#\n\r\t fxbru=+-*/%@<>!~^&|0123456789eEjJ_abcif lambda not yield await match case {}é€\u200b");
        for (var i = 0; i < 20_000; i++)
        {
            var source = new byte[random.Next(0, 60)];
            for (var k = 0; k < source.Length; k++)
            {
                source[k] = random.Next(8) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
            }

            var result = PythonParser.Parse(source);
            if (result.Success)
            {
                AstDumper.Dump(result.Tree, includePositions: true).ShouldNotBeNullOrEmpty();
            }
            else
            {
                result.Error.Line.ShouldBeGreaterThan(0);
            }
        }
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static SyntaxTree Parse(string source)
    {
        var result = PythonParser.Parse(source);
        result.Error.ShouldBeNull();
        return result.Tree!;
    }

    private static PythonSyntaxError ParseError(string source, ParseOptions? options = null) =>
        PythonParser.Parse(source, options).Error.ShouldNotBeNull();

    private sealed class NodeCounter : NodeWalker
    {
        private int _count;

        public int Count(Node root)
        {
            Visit(root);
            return _count;
        }

        public override void DefaultVisit(Node node)
        {
            _count++;
            base.DefaultVisit(node);
        }
    }
}
