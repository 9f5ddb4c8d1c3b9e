using System.Text;

using PyGuard.Syntax.Dump;
using PyGuard.Syntax.Tests.Support;
using PyGuard.Syntax.Text;
using PyGuard.Syntax.Tree;

namespace PyGuard.Syntax.Tests;

/// <summary>The public surface the analyzers use: comments, source spelling, encodings, spans, 3.14 syntax.</summary>
public sealed class SyntaxTreeTests
{
    private static readonly ParseOptions Python314 = new() { Version = PythonVersion.Python314 };

    [Fact]
    public void Every_comment_is_kept_with_its_span_and_text()
    {
        const string source = "# first\nx = 1  # noqa: PG201\n\ndef f():\n    # inside\n    s = '# not a comment'\n    return f'{x # in a field\n}'\n#last";
        var tree = Parse(source);
        tree.Comments.Select(c => c.Text).ShouldBe(["# first", "# noqa: PG201", "# inside", "# in a field", "#last"]);
        foreach (var comment in tree.Comments)
        {
            source.Substring(comment.Span.Start, comment.Span.Length).ShouldBe(comment.Text);
        }
    }

    [Fact]
    public void Comments_end_before_a_carriage_return()
    {
        var tree = Parse("x = 1 # a\r\ny = 2 # b\rz = 3 # c");
        tree.Comments.Select(c => c.Text).ShouldBe(["# a", "# b", "# c"]);
    }

    [Fact]
    public void Invalid_utf8_in_a_comment_is_accepted_as_CPython_accepts_it()
    {
        var tree = PythonParser.Parse("x = 1  # caf\xe9\n"u8.ToArray().Concat(new byte[] { (byte)'#', 0xFF, (byte)'\n' }).ToArray()).Tree.ShouldNotBeNull();
        tree.Comments.Length.ShouldBe(2);
        tree.Comments[1].Text.ShouldBe("#\uFFFD");
    }

    [Fact]
    public void Names_are_NFKC_normalised_and_the_source_keeps_their_spelling()
    {
        var tree = Parse("ｅｘｅｃ(ｉｆ)");
        var call = (ExprCall)((StmtExpr)tree.Root.Body[0]).Value;
        var func = (ExprName)call.Func;
        func.Id.ShouldBe("exec");
        tree.Text.Text.Substring(func.Span.Start, func.Span.Length).ShouldBe("ｅｘｅｃ");
        ((ExprName)call.Args[0]).Id.ShouldBe("if");
    }

    [Theory]
    [InlineData(new byte[] { (byte)'x', (byte)'=', (byte)'1' }, null)]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'x', (byte)'=', (byte)'1' }, "utf-8")]
    [InlineData(new byte[] { (byte)'#', (byte)'c', (byte)'o', (byte)'d', (byte)'i', (byte)'n', (byte)'g', (byte)':', (byte)'l', (byte)'a', (byte)'t', (byte)'i', (byte)'n', (byte)'1', (byte)'\n', (byte)'x', (byte)'=', (byte)'1' }, "latin1")]
    [InlineData(new byte[] { (byte)'#', (byte)'c', (byte)'o', (byte)'d', (byte)'i', (byte)'n', (byte)'g', (byte)'=', (byte)'L', (byte)'a', (byte)'t', (byte)'i', (byte)'n', (byte)'_', (byte)'1', (byte)'\n' }, "iso-8859-1")]
    public void The_declared_encoding_is_reported(byte[] source, string? encoding) =>
        PythonParser.Parse(source).Tree.ShouldNotBeNull().Encoding.ShouldBe(encoding);

    [Fact]
    public void A_coding_cookie_decodes_the_source()
    {
        var source = Encoding.Latin1.GetBytes("# -*- coding: cp1252 -*-\nx = '\u0080'\n".Replace('\u0080', (char)0x80));
        var tree = PythonParser.Parse(source).Tree.ShouldNotBeNull();
        ((ExprConstant)((StmtAssign)tree.Root.Body[0]).Value).Value.ShouldBe("€");
    }

    [Fact]
    public void Text_given_as_a_string_ignores_the_cookie_and_refuses_lone_surrogates()
    {
        var tree = PythonParser.Parse("# coding: latin-1\nx = 'é'").Tree.ShouldNotBeNull();
        tree.Encoding.ShouldBeNull();
        PythonParser.Parse("x = '\ud800'").Error.ShouldNotBeNull().Message.ShouldStartWith("'utf-8' codec can't encode character '\\ud800'");
        PythonParser.Parse("x = 1\0").Error.ShouldNotBeNull().Message.ShouldBe("source code string cannot contain null bytes");
    }

    [Fact]
    public void Errors_carry_kind_line_code_point_column_and_offset()
    {
        var error = PythonParser.Parse("é = 1\nif x:\n\tpass\n        pass").Error.ShouldNotBeNull();
        error.Kind.ShouldBe(SyntaxErrorKind.TabError);
        error.Line.ShouldBe(4);
        error.Column.ShouldBe(1);

        var syntax = PythonParser.Parse("é = (1, 2 +)").Error.ShouldNotBeNull();
        syntax.Kind.ShouldBe(SyntaxErrorKind.SyntaxError);
        (syntax.Line, syntax.Column).ShouldBe((1, 12));
        syntax.Offset.ShouldBe(11);
        syntax.ToString().ShouldBe("1:12: SyntaxError: invalid syntax");
    }

    [Fact]
    public void Python_314_accepts_unparenthesised_except_lists()
    {
        const string source = "try:\n    pass\nexcept A, B:\n    pass\nexcept* C, D:\n    pass";
        PythonParser.Parse(source).Error.ShouldNotBeNull().Message.ShouldBe("multiple exception types must be parenthesized");
        var tree = PythonParser.Parse("try:\n    pass\nexcept A, B:\n    pass", Python314).Tree.ShouldNotBeNull();
        var handler = ((StmtTry)tree.Root.Body[0]).Handlers[0];
        var type = handler.Type.ShouldBeOfType<ExprTuple>();
        type.Elts.Select(e => ((ExprName)e).Id).ShouldBe(["A", "B"]);
        tree.Text.Text.Substring(type.Span.Start, type.Span.Length).ShouldBe("A, B");
        PythonParser.Parse("try:\n    pass\nexcept A, B as e:\n    pass", Python314).Error.ShouldNotBeNull()
            .Message.ShouldBe("multiple exception types must be parenthesized when using 'as'");
    }

    [Fact]
    public void Python_314_reads_t_strings_as_templates()
    {
        PythonParser.Parse("t'a{x}'").Error.ShouldNotBeNull().Message.ShouldBe("invalid syntax");
        var tree = PythonParser.Parse("t'a{x!r:>{w}}b' t'{y=}'", Python314).Tree.ShouldNotBeNull();
        var template = ((StmtExpr)tree.Root.Body[0]).Value.ShouldBeOfType<ExprTemplateStr>();
        AstDumper.Dump(tree, includePositions: false).ShouldBe(
            "Module(body=[Expr(value=TemplateStr(values=[Constant(value='a'), Interpolation(value=Name(id='x', ctx=Load()), str='x', conversion=114, "
            + "format_spec=JoinedStr(values=[Constant(value='>'), Interpolation(value=Name(id='w', ctx=Load()), str='w', conversion=-1)])), "
            + "Constant(value='by='), Interpolation(value=Name(id='y', ctx=Load()), str='y', conversion=114)]))])");
        template.Values.Length.ShouldBe(4);
        PythonParser.Parse("t'a' 'b'", Python314).Error.ShouldNotBeNull().Message.ShouldBe("cannot mix t-string literals with string or bytes literals");
    }

    [Fact]
    public void Soft_keywords_stay_names_outside_their_statements()
    {
        var tree = Parse("match = re.match(p, s)\ncase = 1\ntype = type(x)\n_ = match.group(0)");
        tree.Root.Body.Length.ShouldBe(4);
        tree.Root.Body.ShouldAllBe(s => s is StmtAssign);
    }

    [Fact]
    public void Spans_convert_to_code_point_and_utf8_columns()
    {
        const string source = "s = 'é😀' + x\n";
        var tree = Parse(source);
        var x = ((ExprBinOp)((StmtAssign)tree.Root.Body[0]).Value).Right;
        tree.Text.GetCodePointPosition(x.Span.Start).ShouldBe((1, 11));
        tree.Text.GetUtf8Position(x.Span.Start).ShouldBe((1, 15));
    }

    [Fact]
    public void Columns_on_a_long_non_ascii_line_are_exact_everywhere()
    {
        var line = new StringBuilder("x = [");
        for (var i = 0; i < 3000; i++)
        {
            line.Append(i % 3 == 0 ? "'é', " : i % 3 == 1 ? "'😀', " : "'a', ");
        }

        var text = new SourceText(line.Append(']').ToString());
        int codePoints = 0, utf8 = 0;
        for (var offset = 0; offset < text.Length; offset++)
        {
            var c = text[offset];
            if (!char.IsLowSurrogate(c))
            {
                text.GetCodePointPosition(offset).ShouldBe((1, codePoints));
                text.GetUtf8Position(offset).ShouldBe((1, utf8));
            }

            if (!char.IsHighSurrogate(c))
            {
                codePoints++;
            }

            utf8 += c < 0x80 ? 1 : c < 0x800 ? 2 : char.IsSurrogate(c) ? 2 : 3;
        }
    }

    [Fact]
    public void Lines_split_at_universal_newlines_only()
    {
        var text = new SourceText("a\r\nb\rc\nd\fe\u2028f\u0085g\n");
        text.LineCount.ShouldBe(4);
        text.GetLineText(4).ShouldBe("d\fe\u2028f\u0085g");
        text.GetLineNumber(text.Length - 1).ShouldBe(4);
    }

    [Fact]
    public void Escape_made_surrogates_keep_their_python_identity_in_the_dump()
    {
        var tree = Parse("'\\ud800\\udc00' '\\U00010000'");
        AstDumper.Dump(tree, includePositions: false).ShouldBe("Module(body=[Expr(value=Constant(value='\\ud800\\udc00𐀀'))])");
    }

    [Fact]
    public void Ints_beyond_4300_digits_cannot_be_dumped_as_in_CPython()
    {
        var tree = Parse("x = 0x" + new string('f', 5000));
        Should.Throw<PythonValueException>(() => AstDumper.Dump(tree, includePositions: false))
            .Message.ShouldBe("Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
        AstDumper.Dump(Parse("x = " + new string('9', 4300)), includePositions: false).Length.ShouldBeGreaterThan(4300);
    }

    [Fact]
    public void Every_node_knows_its_parent_and_its_pre_order_index()
    {
        var tree = Parse("@d(1)\nclass C(B):\n    def f(self, a=[x for x in y if x]):\n        return lambda q: {k: v async for k, v in q}\n" +
            "match p:\n    case [1, *rest] if rest: f'{p!r:>{w}}'\ntry:\n    pass\nexcept* E as e:\n    raise\n");
        AssertNumberedInPreOrder(tree);
    }

    [Fact]
    public void Every_construct_is_numbered_as_a_pre_order_walk_visits_it()
    {
        // The constructs cover every node class, so each class's generated numbering is checked against the visitor's order.
        foreach (var source in DataFile.Lines("constructs.jsonl"))
        {
            if (PythonParser.Parse(DataFile.Bytes(source, latin1: false)).Tree is { } tree)
            {
                AssertNumberedInPreOrder(tree);
            }
        }
    }

    private static void AssertNumberedInPreOrder(SyntaxTree tree)
    {
        var walk = new ParentRecorder();
        walk.Visit(tree.Root);
        tree.NodeCount.ShouldBe(walk.Order.Count);
        for (var i = 0; i < walk.Order.Count; i++)
        {
            var (node, parent) = walk.Order[i];
            node.Index.ShouldBe(i);
            node.Parent.ShouldBeSameAs(parent);
        }

        tree.Root.Parent.ShouldBeNull();
    }

    [Fact]
    public void A_node_made_outside_a_parse_has_no_index_and_no_parent()
    {
        var name = new ExprName("x", ExprContext.Load, default);
        name.Index.ShouldBe(-1);
        name.Parent.ShouldBeNull();
    }

    private sealed class ParentRecorder : NodeWalker
    {
        private readonly Stack<Node> _path = new();

        public List<(Node Node, Node? Parent)> Order { get; } = [];

        public override void Visit(Node node)
        {
            Order.Add((node, _path.Count == 0 ? null : _path.Peek()));
            _path.Push(node);
            base.Visit(node);
            _path.Pop();
        }
    }

    private static SyntaxTree Parse(string source)
    {
        var result = PythonParser.Parse(source);
        result.Error.ShouldBeNull();
        return result.Tree!;
    }
}
