using System.Collections.Immutable;
using PyGuard.Semantics.Scopes;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Semantics.DataFlow;

/// <summary>A function of the scanned file that a call may run; <see cref="Bound"/> when the receiver fills its first parameter.</summary>
internal readonly record struct LocalCallee(Node Function, bool Bound);

/// <summary>
/// Which functions and methods of the scanned file a call runs, and which argument each parameter
/// receives. Functions come from the semantic model; methods called on <c>self</c> are looked up in the
/// enclosing class and its bases, because the model evaluates method bodies with an unknown <c>self</c>.
/// </summary>
internal sealed class LocalCalls(SemanticModel model)
{
    private const int MaxClassDepth = 8;

    private readonly Dictionary<ExprCall, ImmutableArray<LocalCallee>> _callees = [];
    private readonly Dictionary<Node, string> _names = [];

    public ImmutableArray<LocalCallee> CalleesOf(ExprCall call, Scope scope)
    {
        if (_callees.TryGetValue(call, out var known))
        {
            return known;
        }

        List<LocalCallee>? result = null;
        foreach (var item in model.ValueOf(call.Func).Items)
        {
            switch (item)
            {
                case FunctionValue f:
                    (result ??= []).Add(new LocalCallee(f.Definition, IsMethod(f.Definition) && !IsStatic(f.Definition) &&
                        call.Func is ExprAttribute a && IsInstance(a.Value, scope)));
                    break;
                case ClassValue c when FindMethod(c.Definition, "__init__", 0) is { } init:
                    (result ??= []).Add(new LocalCallee(init, true));
                    break;
                case ObjectValue o when FindMethod(o.Definition, "__call__", 0) is { } callMethod:
                    (result ??= []).Add(new LocalCallee(callMethod, true));
                    break;
            }
        }

        if (result is null && call.Func is ExprAttribute { Value: ExprName receiver } method &&
            SelfClass(receiver, scope) is { } owner && FindMethod(owner, method.Attr, 0) is { } found)
        {
            result = [new LocalCallee(found, !IsStatic(found))];
        }

        var callees = result is null ? [] : result.Count == 1 ? [result[0]] : result.Distinct().ToImmutableArray();
        _callees[call] = callees;
        return callees;
    }

    /// <summary>The local classes an expression may be, or be an instance of (including <c>self</c> in a method).</summary>
    public IEnumerable<StmtClassDef> ClassesOf(Expr expr, Scope scope)
    {
        foreach (var item in model.ValueOf(expr).Items)
        {
            if (item is ClassValue c)
            {
                yield return c.Definition;
            }
            else if (item is ObjectValue o)
            {
                yield return o.Definition;
            }
        }

        if (expr is ExprName name && SelfClass(name, scope) is { } owner)
        {
            yield return owner;
        }
    }

    /// <summary>A class and its local bases, nearest first.</summary>
    public IEnumerable<StmtClassDef> WithBases(StmtClassDef definition) => WithBases(definition, 0);

    /// <summary>The class whose method has <paramref name="name"/> as its first parameter (<c>self</c>), if any.</summary>
    public static StmtClassDef? SelfClass(ExprName name, Scope scope)
    {
        var owner = scope.Resolve(name.Id);
        if (owner is not { Kind: ScopeKind.Function, Parent.Kind: ScopeKind.Class } || IsStatic(owner.Node))
        {
            return null;
        }

        var parameters = ArgumentsOf(owner.Node);
        var first = parameters is null ? null :
            !parameters.Posonlyargs.IsEmpty ? parameters.Posonlyargs[0] :
            !parameters.Args.IsEmpty ? parameters.Args[0] : null;
        return first?.Name == name.Id ? (StmtClassDef)owner.Parent.Node : null;
    }

    /// <summary>
    /// The parameter each argument of <paramref name="call"/> binds to. An argument unpacked with
    /// <c>*</c> or <c>**</c> may bind to any parameter from its position on, so it is paired with each.
    /// </summary>
    public static IEnumerable<(string Parameter, Expr Argument)> Bind(Node function, ExprCall call, bool bound)
    {
        var parameters = ArgumentsOf(function);
        if (parameters is null)
        {
            yield break;
        }

        var positional = parameters.Posonlyargs.Concat(parameters.Args).Skip(bound ? 1 : 0).Select(a => a.Name).ToList();
        var index = 0;
        var unpacked = false;
        foreach (var argument in call.Args)
        {
            var value = argument is ExprStarred starred ? starred.Value : argument;
            unpacked |= argument is ExprStarred;
            if (unpacked)
            {
                foreach (var name in positional.Skip(index))
                {
                    yield return (name, value);
                }
            }
            else if (index < positional.Count)
            {
                yield return (positional[index++], value);
                continue;
            }

            if (parameters.Vararg is not null)
            {
                yield return (parameters.Vararg.Name, value);
            }
        }

        foreach (var keyword in call.Keywords)
        {
            if (keyword.Arg is null)
            {
                foreach (var name in positional.Concat(parameters.Kwonlyargs.Select(a => a.Name)))
                {
                    yield return (name, keyword.Value);
                }

                if (parameters.Kwarg is not null)
                {
                    yield return (parameters.Kwarg.Name, keyword.Value);
                }
            }
            else if (positional.Contains(keyword.Arg) || parameters.Kwonlyargs.Any(a => a.Name == keyword.Arg))
            {
                yield return (keyword.Arg, keyword.Value);
            }
            else if (parameters.Kwarg is not null)
            {
                yield return (parameters.Kwarg.Name, keyword.Value);
            }
        }
    }

    public static Arguments? ArgumentsOf(Node function) => function switch
    {
        StmtFunctionDef f => f.Args,
        StmtAsyncFunctionDef f => f.Args,
        ExprLambda l => l.Args,
        _ => null,
    };

    /// <summary>How messages name a function: <c>ship()</c>, <c>Reporter.send()</c>, <c>lambda</c>.</summary>
    public string NameOf(Node function)
    {
        if (_names.TryGetValue(function, out var known))
        {
            return known;
        }

        var name = function switch
        {
            StmtFunctionDef f => f.Name,
            StmtAsyncFunctionDef f => f.Name,
            _ => "lambda",
        };
        if (model.ScopeOpenedBy(function)?.Parent is { Kind: ScopeKind.Class, Node: StmtClassDef owner })
        {
            name = owner.Name + "." + name;
        }

        name += "()";
        _names[function] = name;
        return name;
    }

    private IEnumerable<StmtClassDef> WithBases(StmtClassDef definition, int depth)
    {
        yield return definition;
        if (depth >= MaxClassDepth)
        {
            yield break;
        }

        foreach (var baseClass in definition.Bases)
        {
            foreach (var item in model.ValueOf(baseClass).Items)
            {
                if (item is ClassValue c)
                {
                    foreach (var inherited in WithBases(c.Definition, depth + 1))
                    {
                        yield return inherited;
                    }
                }
            }
        }
    }

    /// <summary>The method <paramref name="name"/> of the class or of its nearest local base that has one (the order of <see cref="WithBases(StmtClassDef)"/>).</summary>
    private Node? FindMethod(StmtClassDef definition, string name, int depth)
    {
        // Recursive rather than over WithBases: asked for nearly every call, and the iterators were allocations.
        foreach (var statement in definition.Body)
        {
            if ((statement is StmtFunctionDef f && f.Name == name) || (statement is StmtAsyncFunctionDef a && a.Name == name))
            {
                return statement;
            }
        }

        if (depth >= MaxClassDepth)
        {
            return null;
        }

        foreach (var baseClass in definition.Bases)
        {
            foreach (var item in model.ValueOf(baseClass).Items)
            {
                if (item is ClassValue c && FindMethod(c.Definition, name, depth + 1) is { } inherited)
                {
                    return inherited;
                }
            }
        }

        return null;
    }

    private bool IsInstance(Expr receiver, Scope scope) =>
        model.ValueOf(receiver).Any(v => v is ObjectValue) || (receiver is ExprName name && SelfClass(name, scope) is not null);

    private bool IsMethod(Node function) => model.ScopeOpenedBy(function)?.Parent?.Kind == ScopeKind.Class;

    private static bool IsStatic(Node function)
    {
        var decorators = function switch
        {
            StmtFunctionDef f => f.DecoratorList,
            StmtAsyncFunctionDef f => f.DecoratorList,
            _ => [],
        };
        return decorators.Any(d => d is ExprName { Id: "staticmethod" });
    }
}
