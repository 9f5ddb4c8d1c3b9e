using PyGuard.Semantics.Scopes;
using PyGuard.Syntax.Tree;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.Semantics;

/// <summary>
/// Where a name read in a scope resolves, as Python's rules say. A complete scope keeps each resolution
/// after working it out once, so every case is asked twice and from more than one scope: a kept answer
/// must be the answer for that name in that scope, never one worked out for another.
/// </summary>
public sealed class ScopeResolutionTests
{
    private const string Code = """
        import os
        value = 1

        class Box:
            value = 2
            def method(self):
                return value

        def outer():
            value = 3
            hidden = 4
            def inner():
                global hidden
                return value, hidden, os, len, missing
            def writer():
                nonlocal value
                value = 5
            return inner
        """;

    private static (Scope Module, Scope Method, Scope Outer, Scope Inner, Scope Writer) Scopes()
    {
        var model = TestScanner.Model(Code);
        var body = model.Tree.Root.Body;
        var box = body.OfType<StmtClassDef>().Single();
        var outer = body.OfType<StmtFunctionDef>().Single();
        var functions = outer.Body.OfType<StmtFunctionDef>().ToList();
        return (
            model.ModuleScope,
            model.ScopeOpenedBy(box.Body.OfType<StmtFunctionDef>().Single()).ShouldNotBeNull(),
            model.ScopeOpenedBy(outer).ShouldNotBeNull(),
            model.ScopeOpenedBy(functions[0]).ShouldNotBeNull(),
            model.ScopeOpenedBy(functions[1]).ShouldNotBeNull());
    }

    [Fact]
    public void EachScopeResolvesItsNamesAsPythonDoes()
    {
        var (module, method, outer, inner, writer) = Scopes();
        for (var round = 0; round < 2; round++)
        {
            // A method skips its class body and reads the module's binding.
            method.Resolve("value").ShouldBeSameAs(module);

            // A nested function reads its enclosing function's binding ...
            inner.Resolve("value").ShouldBeSameAs(outer);

            // ... unless it declares the name global, which skips the enclosing binding for the module's.
            inner.Resolve("hidden").ShouldBeSameAs(module);
            outer.Resolve("hidden").ShouldBeSameAs(outer);

            // Imports are module bindings; builtins and unbound names resolve to no scope.
            inner.Resolve("os").ShouldBeSameAs(module);
            inner.Resolve("len").ShouldBeNull();
            inner.Resolve("missing").ShouldBeNull();

            // A nonlocal binding is the enclosing function's.
            writer.Resolve("value").ShouldBeSameAs(outer);
            module.Resolve("value").ShouldBeSameAs(module);
            module.Resolve("outer").ShouldBeSameAs(module);
        }
    }
}
