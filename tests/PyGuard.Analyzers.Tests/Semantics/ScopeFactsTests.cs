using PyGuard.Semantics.Knowledge;
using PyGuard.Syntax.Tree;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.Semantics;

/// <summary>Facts the model keeps per scope and per file for the analyzers: generator bodies, the packages objects come from.</summary>
public sealed class ScopeFactsTests
{
    private static bool IsGenerator(string code)
    {
        var model = TestScanner.Model(code);
        var function = (StmtFunctionDef)model.Tree.Root.Body.Last(s => s is StmtFunctionDef);
        return model.ScopeOpenedBy(function).ShouldNotBeNull().IsGenerator;
    }

    [Theory]
    [InlineData("def f():\n    yield 1")]
    [InlineData("def f():\n    x = yield")]
    [InlineData("def f():\n    yield from range(3)")]
    [InlineData("def f():\n    if a:\n        for i in b:\n            yield i")]
    [InlineData("def f():\n    return [(yield x) for x in y]")]
    public void AYieldOfTheBodyMakesAGenerator(string code) => IsGenerator(code).ShouldBeTrue();

    [Theory]
    [InlineData("def f():\n    return 1")]
    [InlineData("def f():\n    def g():\n        yield 1\n    return g")]
    [InlineData("def f():\n    return lambda: (yield)")]
    [InlineData("def f():\n    class C:\n        def m(self):\n            yield 1\n    return C")]
    [InlineData("def f(a=(yield)):\n    return a")]
    public void AYieldOfANestedFunctionOrOutsideTheBodyDoesNot(string code) => IsGenerator(code).ShouldBeFalse();

    [Fact]
    public void AMemberNameIsReachedFromItsOwnPackageAndFromItsAliases()
    {
        QualifiedNames.OwnerPackagesReaching(["requests.Session.post"]).ShouldNotBeNull().ShouldBe(["requests"]);
        QualifiedNames.OwnerPackagesReaching(["builtins.open"]).ShouldNotBeNull().ShouldBe(["builtins", "io", "codecs"], ignoreOrder: true);
    }

    [Fact]
    public void AReexportedModuleIsReachableFromAnyPackage() =>
        QualifiedNames.OwnerPackagesReaching(["socket"]).ShouldBeNull();

    [Theory]
    [InlineData("import requests\nclient = requests.Session()", true)]
    [InlineData("import requests as r\nr.get", true)]
    [InlineData("m = __import__('req' + 'uests')", true)]
    [InlineData("import json\ndata = json.loads('{}')", false)]
    [InlineData("def send(client):\n    client.post('x')", false)]
    public void TheModelKnowsWhetherAnyValueComesFromAPackage(string code, bool holds) =>
        TestScanner.Model(code).MayHoldObjectFrom(new HashSet<string> { "requests", "httpx" }).ShouldBe(holds);

    [Theory]
    [InlineData("run = eval", true)]
    [InlineData("import builtins\nf = getattr(builtins, 'ex' + 'ec')", true)]
    [InlineData("handlers = {'x': __builtins__['eval']}", true)]
    [InlineData("def use(fn):\n    return fn\nuse(compile)", true)]
    [InlineData("evaluate = 1\nexecute = print", false)]
    [InlineData("import ast\nast.literal_eval('1')", false)]
    public void TheModelKnowsWhetherAnyValueRefersToGivenNames(string code, bool holds) =>
        TestScanner.Model(code).MayHoldReferenceTo(new HashSet<string> { "builtins.eval", "builtins.exec", "builtins.compile" }).ShouldBe(holds);
}
