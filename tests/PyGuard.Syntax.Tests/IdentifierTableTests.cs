using PyGuard.Syntax.Parsing;

namespace PyGuard.Syntax.Tests;

/// <summary>The table that shares identifier strings: whatever it keeps or evicts, a spelling gives its own identifier.</summary>
public sealed class IdentifierTableTests
{
    [Fact]
    public void A_spelling_met_again_gives_the_same_string()
    {
        var table = new IdentifierTable(64);
        var first = table.Intern("self".AsSpan());
        var again = table.Intern("xself".AsSpan(1));

        first.ShouldBe("self");
        again.ShouldBeSameAs(first);
    }

    [Fact]
    public void Non_ascii_spellings_are_normalised_and_kept_apart_from_their_normal_form()
    {
        var table = new IdentifierTable(64);

        table.Intern("ﬁle".AsSpan()).ShouldBe("file");
        table.Intern("file".AsSpan()).ShouldBe("file");
        table.Intern("ﬁle".AsSpan()).ShouldBe("file");
        table.Intern("𝔣".AsSpan()).ShouldBe("f");
    }

    [Fact]
    public void A_full_table_still_answers_every_spelling_with_its_identifier()
    {
        // Far more names than slots: entries are replaced, and every answer must still be the right name.
        var table = new IdentifierTable(8);
        var names = Enumerable.Range(0, 500).Select(i => "name" + i).ToArray();
        for (var round = 0; round < 3; round++)
        {
            foreach (var name in names)
            {
                table.Intern(name.AsSpan()).ShouldBe(name);
            }
        }
    }

    [Fact]
    public void Spellings_that_differ_only_in_length_or_order_are_not_confused()
    {
        var table = new IdentifierTable(4);
        string[] names = ["ab", "ba", "a", "b", "abc", "_", "__", "A"];
        for (var round = 0; round < 2; round++)
        {
            foreach (var name in names)
            {
                table.Intern(name.AsSpan()).ShouldBe(name);
            }
        }
    }

    [Fact]
    public void The_capacity_must_be_a_power_of_two()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new IdentifierTable(12));
        Should.Throw<ArgumentOutOfRangeException>(() => new IdentifierTable(2));
    }
}
