using PyGuard.Reporting.Sarif;

namespace PyGuard.Reporting.Tests.Sarif;

public sealed class Utf16ColumnsTests
{
    [Theory]
    [InlineData("eval(x)", 1, 1)]
    [InlineData("eval(x)", 6, 6)]
    [InlineData("café = eval(x)", 8, 8)]
    [InlineData("s = '😀'; eval(x)", 5, 5)]
    [InlineData("s = '😀'; eval(x)", 6, 6)]
    [InlineData("s = '😀'; eval(x)", 7, 8)]
    [InlineData("s = '😀😀'; eval(x)", 11, 13)]
    public void Astral_characters_before_a_column_move_it_by_one_unit_each(string line, int codePointColumn, int utf16Column) =>
        Utf16Columns.FromCodePoints(line, codePointColumn).ShouldBe(utf16Column);

    [Fact]
    public void A_column_past_the_end_keeps_its_distance_from_the_end()
    {
        Utf16Columns.FromCodePoints("x = '😀'", 8).ShouldBe(9);
        Utf16Columns.FromCodePoints("x = '😀'", 10).ShouldBe(11);
    }

    [Fact]
    public void An_unknown_line_leaves_the_column_unchanged_and_at_least_one()
    {
        Utf16Columns.FromCodePoints(null, 7).ShouldBe(7);
        Utf16Columns.FromCodePoints("abc", 0).ShouldBe(1);
    }

    [Fact]
    public void A_lone_surrogate_counts_as_one_unit()
    {
        Utf16Columns.FromCodePoints("\ud800x", 3).ShouldBe(3);
    }
}
