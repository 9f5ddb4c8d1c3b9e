using PyGuard.Engine.Analysis;
using PyGuard.Syntax.Tree;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.Engine;

/// <summary>An attribute action is given exactly the attributes with one of its names, read, written or deleted.</summary>
public sealed class AttributeActionTests
{
    private const string Code = """
        a.__dict__
        b.items()
        c.__class__.__dict__ = {}
        del d.__code__
        e.__dict__x
        f(g.__code__, h.name)
        """;

    /// <summary>Records each attribute it is given as "line:name".</summary>
    private sealed class Recorder(IEnumerable<string>? names) : TestAnalyzer
    {
        public List<string> Seen { get; } = [];

        public override void Initialize(AnalysisRegistration registration)
        {
            if (names is null)
            {
                registration.RegisterNodeAction(Record, NodeKind.ExprAttribute);
            }
            else
            {
                registration.RegisterAttributeAction(Record, names);
            }
        }

        private void Record(NodeContext context) =>
            Seen.Add($"{context.LocationOf(context.Node.Span).Line}:{((ExprAttribute)context.Node).Attr}");
    }

    [Fact]
    public void Only_attributes_with_a_listed_name_are_given_in_any_context()
    {
        var dict = new Recorder(["__dict__"]);
        var code = new Recorder(["__code__", "__nothing__"]);
        TestAnalyzer.Scan([Code], dict, code);

        dict.Seen.ShouldBe(["1:__dict__", "3:__dict__"]);
        code.Seen.ShouldBe(["4:__code__", "6:__code__"]);
    }

    [Fact]
    public void Filtered_and_unfiltered_callbacks_of_several_analyzers_see_the_same_nodes_in_order()
    {
        var every = new Recorder(null);
        var dict = new Recorder(["__dict__"]);
        var classes = new Recorder(["__class__", "name"]);
        TestAnalyzer.Scan([Code, "x.__class__\ny.__dict__"], every, dict, classes);

        every.Seen.ShouldBe(["1:__dict__", "2:items", "3:__dict__", "3:__class__", "4:__code__", "5:__dict__x", "6:__code__", "6:name", "1:__class__", "2:__dict__"]);
        dict.Seen.ShouldBe(["1:__dict__", "3:__dict__", "2:__dict__"]);
        classes.Seen.ShouldBe(["3:__class__", "6:name", "1:__class__"]);
    }

    [Fact]
    public void A_filter_must_name_an_attribute() =>
        Should.Throw<ArgumentException>(() => TestAnalyzer.Scan(["a.b"], new Recorder([])));
}
