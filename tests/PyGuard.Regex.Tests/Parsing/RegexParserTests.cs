using PyGuard.Regex.Parsing;
using PyGuard.Regex.Parsing.Ast;
using Shouldly;

namespace PyGuard.Regex.Tests.Parsing;

/// <summary>The shape of the tree for the constructs whose tokenisation or scoping is subtle.</summary>
public sealed class RegexParserTests
{
    private static RegexTree Tree(string pattern, RegexFlags flags = RegexFlags.None)
    {
        var result = RegexParser.Parse(pattern, flags);
        result.Error.ShouldBeNull();
        return result.Tree!;
    }

    [Fact]
    public void Verbose_mode_skips_blanks_and_comments_outside_classes_only()
    {
        var tree = Tree("a b # comment\n[ c]", RegexFlags.Verbose);
        var items = tree.Root.ShouldBeOfType<SequenceNode>().Items;
        items.Length.ShouldBe(3);
        items[2].ShouldBeOfType<ClassNode>().Items.ShouldBe([new ClassLiteral(' '), new ClassLiteral('c')]);
    }

    [Fact]
    public void Scoped_flags_turn_verbose_on_for_their_group_only()
    {
        var items = Tree("(?x: a )b c").Root.ShouldBeOfType<SequenceNode>().Items;
        // The group reads just `a`; outside it the blanks are literal.
        items.Length.ShouldBe(4);
        items[0].ShouldBeOfType<GroupNode>().Body.ShouldBeOfType<LiteralNode>().CodePoint.ShouldBe('a');
        items[2].ShouldBeOfType<LiteralNode>().CodePoint.ShouldBe(' ');
    }

    [Fact]
    public void Global_verbose_flag_at_the_start_applies_to_the_rest()
    {
        Tree("(?x) a b").Root.ShouldBeOfType<SequenceNode>().Items.Length.ShouldBe(2);
    }

    [Fact]
    public void Scoped_ignorecase_is_recorded_on_the_characters_it_covers()
    {
        var items = Tree("(?i:a)b").Root.ShouldBeOfType<SequenceNode>().Items;
        var inner = items[0].ShouldBeOfType<GroupNode>().Body.ShouldBeOfType<LiteralNode>();
        (inner.Flags & RegexFlags.IgnoreCase).ShouldBe(RegexFlags.IgnoreCase);
        (items[1].ShouldBeOfType<LiteralNode>().Flags & RegexFlags.IgnoreCase).ShouldBe(RegexFlags.None);
    }

    [Fact]
    public void Str_patterns_are_unicode_unless_ascii()
    {
        (Tree("a").Flags & RegexFlags.Unicode).ShouldBe(RegexFlags.Unicode);
        (Tree("(?a)a").Flags & RegexFlags.Unicode).ShouldBe(RegexFlags.None);
    }

    [Fact]
    public void Octal_and_group_references_follow_sre_rules()
    {
        var items = Tree(@"(a)\1\123").Root.ShouldBeOfType<SequenceNode>().Items;
        items[1].ShouldBeOfType<BackreferenceNode>().Group.ShouldBe(1);
        RegexParser.Parse(@"(a)\12").Error!.Message.ShouldBe("invalid group reference 12");
        items[^1].ShouldBeOfType<LiteralNode>().CodePoint.ShouldBe(0x53);
    }

    [Fact]
    public void Quantifier_kinds_and_bounds_are_read()
    {
        var items = Tree("a{2,5}?b{,3}+c{4}d{,}").Root.ShouldBeOfType<SequenceNode>().Items;
        items[0].ShouldBe(new QuantifierNode(items[0].ShouldBeOfType<QuantifierNode>().Body, 2, 5, QuantifierKind.Lazy, new TextSpan(0, 7)));
        items[1].ShouldBeOfType<QuantifierNode>().Kind.ShouldBe(QuantifierKind.Possessive);
        items[2].ShouldBeOfType<QuantifierNode>().Max.ShouldBe(4);
        items[3].ShouldBeOfType<QuantifierNode>().Max.ShouldBeNull();
    }

    [Fact]
    public void A_brace_that_is_not_a_quantifier_is_a_literal()
    {
        Tree("a{1").Root.ShouldBeOfType<SequenceNode>().Items.Length.ShouldBe(3);
        Tree("a{}").Root.ShouldBeOfType<SequenceNode>().Items.Length.ShouldBe(3);
    }

    [Fact]
    public void Conditionals_and_named_references_resolve_groups()
    {
        var tree = Tree("(?P<q>['\"])?x(?(q)(?P=q)|y)");
        tree.GroupNames["q"].ShouldBe(1);
        var conditional = tree.Root.ShouldBeOfType<SequenceNode>().Items[2].ShouldBeOfType<ConditionalNode>();
        conditional.Group.ShouldBe(1);
        conditional.Yes.ShouldBeOfType<BackreferenceNode>().Group.ShouldBe(1);
        conditional.No.ShouldBeOfType<LiteralNode>();
    }

    [Fact]
    public void Named_characters_resolve_names_and_aliases()
    {
        Tree(@"\N{EM DASH}").Root.ShouldBeOfType<LiteralNode>().CodePoint.ShouldBe(0x2014);
        Tree(@"\N{line feed}").Root.ShouldBeOfType<LiteralNode>().CodePoint.ShouldBe('\n');
        Tree(@"\N{HANGUL SYLLABLE GAG}").Root.ShouldBeOfType<LiteralNode>().CodePoint.ShouldBe(0xAC01);
    }

    [Theory]
    [InlineData("(a", "missing ), unterminated subpattern", 0)]
    [InlineData("a)", "unbalanced parenthesis", 1)]
    [InlineData("a**", "multiple repeat", 2)]
    [InlineData("*a", "nothing to repeat", 0)]
    [InlineData("[z-a]", "bad character range z-a", 1)]
    [InlineData(@"\q", @"bad escape \q", 0)]
    [InlineData("(?<=a+)b", "look-behind requires fixed-width pattern", null)]
    [InlineData("a(?i)", "global flags not at the start of the expression", 1)]
    public void Invalid_patterns_give_CPythons_error(string pattern, string message, int? position)
    {
        var result = RegexParser.Parse(pattern);
        result.Tree.ShouldBeNull();
        result.Error.ShouldNotBeNull();
        result.Error.Message.ShouldBe(message);
        result.Error.Position.ShouldBe(position);
    }

    [Fact]
    public void Errors_in_patterns_with_newlines_carry_line_and_column()
    {
        var error = RegexParser.Parse("ab\ncd)").Error!;
        (error.Line, error.Column).ShouldBe((2, 3));
        error.ToString().ShouldBe("unbalanced parenthesis at position 5 (line 2, column 3)");
    }

    [Fact]
    public void Bytes_patterns_reject_str_only_escapes()
    {
        RegexParser.Parse("\\u0041"u8).Error!.Message.ShouldBe(@"bad escape \u");
        RegexParser.Parse("(?u)a"u8).Error!.Message.ShouldBe("bad inline flags: cannot use 'u' flag with a bytes pattern");
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_refused_without_parsing()
    {
        var deep = new string('(', 5000) + new string(')', 5000);
        var result = RegexParser.Parse(deep);
        result.NotParsedReason.ShouldNotBeNull();
        result.Error.ShouldBeNull();
    }
}
