using System.Collections.Immutable;
using PyGuard.Semantics.Values;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.Semantics;

/// <summary>
/// Value sets decide equality member by member: a state whose values did not change is not copied, and
/// a union that adds nothing returns its left side. A dict value is equal to another only entry for entry.
/// </summary>
public sealed class ValueEqualityTests
{
    private static DictValue Dict(params (string Key, string Value)[] entries) =>
        new([.. entries.Select(e => KeyValuePair.Create<PyValue, ValueSet>(new PyStr(e.Key), ValueSet.Of(new PyStr(e.Value))))]);

    [Fact]
    public void DictsWithTheSameEntriesAreEqual()
    {
        Dict(("a", "1"), ("b", "2")).ShouldBe(Dict(("a", "1"), ("b", "2")));
        Dict().ShouldBe(Dict());
    }

    [Fact]
    public void DictsDifferingInAKeyAValueOrTheirSizeAreNot()
    {
        var dict = Dict(("a", "1"), ("b", "2"));
        dict.ShouldNotBe(Dict(("a", "1"), ("c", "2")));
        dict.ShouldNotBe(Dict(("a", "1"), ("b", "3")));
        dict.ShouldNotBe(Dict(("a", "1")));
        dict.ShouldNotBe(new DictValue([KeyValuePair.Create<PyValue, ValueSet>(new PyStr("a"), ValueSet.Of(new PyStr("1"))), KeyValuePair.Create<PyValue, ValueSet>(new PyStr("b"), ValueSet.Unknown)]));
    }

    [Fact]
    public void AUnionThatAddsNothingIsTheSameSet()
    {
        var set = ValueSet.Of(Dict(("a", "1")));
        set.Union(ValueSet.Of(Dict(("a", "1")))).ShouldBe(set);
        set.Union(ValueSet.Of(Dict(("a", "2")))).Items.Length.ShouldBe(2);
    }
}
