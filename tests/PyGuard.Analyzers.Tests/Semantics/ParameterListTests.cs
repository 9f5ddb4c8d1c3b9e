using PyGuard.Semantics.Scopes;
using PyGuard.Syntax.Tree;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.Semantics;

/// <summary>A signature's parameters come out in the order Python binds them, whichever kinds are present.</summary>
public sealed class ParameterListTests
{
    [Theory]
    [InlineData("def f(a, /, b, *c, d, **e): pass", "a b c d e")]
    [InlineData("def f(a, b=1, *, d, e=2): pass", "a b d e")]
    [InlineData("def f(*args, **kwargs): pass", "args kwargs")]
    [InlineData("def f(a, /, **kwargs): pass", "a kwargs")]
    [InlineData("def f(*, k): pass", "k")]
    [InlineData("def f(): pass", "")]
    public void ParametersComeInBindingOrder(string code, string expected)
    {
        var function = (StmtFunctionDef)TestScanner.Model(code).Tree.Root.Body[0];
        var parameters = new ParameterList(function.Args);

        var names = new List<string>();
        foreach (var parameter in parameters)
        {
            names.Add(parameter.Name);
        }

        string.Join(' ', names).ShouldBe(expected);
        parameters.Count.ShouldBe(names.Count);
        Should.Throw<ArgumentOutOfRangeException>(() => parameters[parameters.Count]);
    }
}
