using PyGuard.Regex.Automata;
using PyGuard.Regex.Parsing;
using PyGuard.Regex.Parsing.Ast;
using Shouldly;

namespace PyGuard.Regex.Tests.Automata;

public sealed class AutomataTests
{
    private static RegexNode Normalized(string pattern) => SreNormalizer.Normalize(RegexParser.Parse(pattern).Tree!.Root);

    private static Nfa Nfa(string pattern, MatchMode mode = MatchMode.Match)
    {
        var tree = RegexParser.Parse(pattern).Tree!;
        var classes = new CharClassResolver(tree.IsBytes);
        var (epsilon, _) = ThompsonBuilder.Build(SreNormalizer.Normalize(tree.Root), classes, mode, 10_000)!.Value;
        return EpsilonRemoval.Remove(epsilon, classes.Universe, new Budget(1_000_000, TimeSpan.FromSeconds(5), default))!;
    }

    [Fact]
    public void Char_sets_keep_disjoint_sorted_ranges()
    {
        var set = CharSet.Range('a', 'f').Union(CharSet.Range('d', 'k')).Union(CharSet.Single('z'));
        set.Ranges().ShouldBe([('a', 'k'), ('z', 'z')]);
        set.Complement(0x7F).Contains('b').ShouldBeFalse();
        set.Intersect(CharSet.Range('j', 'z')).Ranges().ShouldBe([('j', 'k'), ('z', 'z')]);
    }

    [Fact]
    public void Ignorecase_folds_as_sre_does_including_extra_equivalences()
    {
        var k = CaseFolding.FoldUnicode(CharSet.Single('k'));
        k.Contains('K').ShouldBeTrue();
        k.Contains(0x212A).ShouldBeTrue(); // KELVIN SIGN lowers to k
        var s = CaseFolding.FoldUnicode(CharSet.Single('s'));
        s.Contains(0x17F).ShouldBeTrue(); // LATIN SMALL LETTER LONG S, an extra case of s
        CaseFolding.FoldAscii(CharSet.Single('k')).Contains(0x212A).ShouldBeFalse();
    }

    [Fact]
    public void Normalizer_factors_a_shared_first_item_out_of_branches_like_sre()
    {
        // a|a becomes a(?:|): two empty branches.
        var normalized = Normalized("(?:a|a)").ShouldBeOfType<SequenceNode>();
        normalized.Items[0].ShouldBeOfType<LiteralNode>();
        normalized.Items[1].ShouldBeOfType<AlternationNode>().Branches.ShouldAllBe(b => b is EmptyNode);
    }

    [Fact]
    public void Normalizer_merges_single_character_branches_into_one_class()
    {
        Normalized("(?:a|b|[cd])").ShouldBeOfType<ClassNode>().Items.Length.ShouldBe(4);
    }

    [Fact]
    public void Two_empty_branches_make_a_multiple_edge()
    {
        var nfa = Nfa("(?:|)a");
        var edge = nfa.Out[0].ShouldHaveSingleItem();
        edge.Multiple.Contains('a').ShouldBeTrue();
    }

    [Fact]
    public void Search_mode_adds_a_loop_on_every_character_before_the_pattern()
    {
        var nfa = Nfa("a", MatchMode.Search);
        nfa.IsSearchPrefix.Count(x => x).ShouldBeGreaterThan(0);
        Nfa("a").IsSearchPrefix.ShouldAllBe(x => !x);
    }

    [Fact]
    public void Start_anchor_blocks_the_search_prefix()
    {
        // From the search loop state `^` cannot hold, so no edge leaves it into the pattern.
        var nfa = Nfa("^a", MatchMode.Search);
        var loopStates = Enumerable.Range(0, nfa.StateCount).Where(s => nfa.IsSearchPrefix[s]);
        loopStates.ShouldAllBe(s => nfa.Out[s].All(e => nfa.IsSearchPrefix[e.Target]));
    }

    [Fact]
    public void Possessive_loop_over_a_set_gives_nothing_back()
    {
        // `a*+a` never matches: the loop keeps every `a`, so it may only be left before another character.
        var nfa = Nfa("a*+a");
        nfa.AcceptsAtEnd.ShouldAllBe(x => !x);
        nfa.AcceptsBefore.ShouldAllBe(s => s.IsEmpty);
    }

    [Fact]
    public void Fullmatch_accepts_only_at_the_end()
    {
        var nfa = Nfa("a", MatchMode.FullMatch);
        nfa.AcceptsBefore.ShouldAllBe(s => s.IsEmpty);
        nfa.AcceptsAtEnd.Count(x => x).ShouldBe(1);
    }

    [Fact]
    public void Alphabet_splits_characters_into_the_classes_labels_tell_apart()
    {
        var alphabet = Alphabet.Partition(CharSet.All(0x10FFFF), [CharSet.Range('a', 'z'), CharSet.Range('m', 'p')]);
        alphabet.Count.ShouldBe(3);
        alphabet.ClassOf('b').ShouldBe(alphabet.ClassOf('y'));
        alphabet.ClassOf('n').ShouldNotBe(alphabet.ClassOf('b'));
    }
}
