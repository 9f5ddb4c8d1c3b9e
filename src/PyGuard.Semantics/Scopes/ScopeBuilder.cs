using System.Runtime.CompilerServices;
using PyGuard.Syntax.Tree;

namespace PyGuard.Semantics.Scopes;

/// <summary>
/// One walk over the tree that creates every scope and records which names each binds, declares global
/// or nonlocal, or reads. Expressions that Python evaluates in the enclosing scope (decorators, defaults,
/// annotations, base classes, a comprehension's first iterable) are recorded there.
/// </summary>
internal sealed class ScopeBuilder : NodeWalker
{
    private readonly Dictionary<Node, Scope> _scopes = new();
    private readonly HashSet<string> _literals = new(StringComparer.Ordinal);
    private Scope _current;
    private int _depth;

    private ScopeBuilder(ModModule module)
    {
        _current = new Scope(ScopeKind.Module, module, null);
        _scopes[module] = _current;
    }

    /// <summary>
    /// Builds every scope of a module, and collects the short string literals written in it: a name
    /// that appears as a literal somewhere was written, not constructed.
    /// </summary>
    public static (Scope Module, Dictionary<Node, Scope> ByNode, HashSet<string> Literals) Build(ModModule module)
    {
        var builder = new ScopeBuilder(module);
        foreach (var statement in module.Body)
        {
            builder.Visit(statement);
        }

        foreach (var scope in builder._scopes.Values)
        {
            scope.Complete();
        }

        return (builder._current, builder._scopes, builder._literals);
    }

    public override void VisitExprConstant(ExprConstant node)
    {
        if (node.Value is string text && text.Length <= 256)
        {
            _literals.Add(text);
        }
    }

    public override void Visit(Node node)
    {
        // Nesting is bounded by the parser; this guards the walk should that bound ever be raised. The probe
        // is a call into the runtime that reads thread-local state, and this runs for every node, so it runs
        // only at every sixteenth level of nesting: sixteen of these small frames are far less than the
        // headroom the probe keeps. The depth is not restored when the walk throws; the builder is then
        // thrown away.
        if ((++_depth & 15) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new InsufficientExecutionStackException("scope analysis: tree too deep");
        }

        base.Visit(node);
        _depth--;
    }

    public override void VisitStmtFunctionDef(StmtFunctionDef node) =>
        VisitFunction(node, node.Name, node.Args, node.DecoratorList, node.Returns, node.TypeParams, node.Body);

    public override void VisitStmtAsyncFunctionDef(StmtAsyncFunctionDef node) =>
        VisitFunction(node, node.Name, node.Args, node.DecoratorList, node.Returns, node.TypeParams, node.Body);

    private void VisitFunction(
        Node node, string name, Arguments args, System.Collections.Immutable.ImmutableArray<Expr> decorators,
        Expr? returns, System.Collections.Immutable.ImmutableArray<TypeParam> typeParams,
        System.Collections.Immutable.ImmutableArray<Stmt> body)
    {
        foreach (var decorator in decorators)
        {
            Visit(decorator);
        }

        VisitDefaultsAndAnnotations(args);
        if (returns is not null)
        {
            Visit(returns);
        }

        _current.Add(name, SymbolFlags.Bound);
        var scope = Enter(ScopeKind.Function, node);
        foreach (var typeParam in typeParams)
        {
            Visit(typeParam);
        }

        BindParameters(args);
        foreach (var statement in body)
        {
            Visit(statement);
        }

        _current = scope.Parent!;
    }

    public override void VisitExprYield(ExprYield node)
    {
        MarkGenerator();
        base.VisitExprYield(node);
    }

    public override void VisitExprYieldFrom(ExprYieldFrom node)
    {
        MarkGenerator();
        base.VisitExprYieldFrom(node);
    }

    /// <summary>A yield belongs to the innermost scope that is not a comprehension.</summary>
    private void MarkGenerator()
    {
        var scope = _current;
        while (scope.Kind == ScopeKind.Comprehension && scope.Parent is not null)
        {
            scope = scope.Parent;
        }

        scope.IsGenerator = true;
    }

    public override void VisitExprLambda(ExprLambda node)
    {
        VisitDefaultsAndAnnotations(node.Args);
        var scope = Enter(ScopeKind.Lambda, node);
        BindParameters(node.Args);
        Visit(node.Body);
        _current = scope.Parent!;
    }

    public override void VisitStmtClassDef(StmtClassDef node)
    {
        foreach (var decorator in node.DecoratorList)
        {
            Visit(decorator);
        }

        foreach (var baseClass in node.Bases)
        {
            Visit(baseClass);
        }

        foreach (var keyword in node.Keywords)
        {
            Visit(keyword);
        }

        _current.Add(node.Name, SymbolFlags.Bound);
        var scope = Enter(ScopeKind.Class, node);
        foreach (var typeParam in node.TypeParams)
        {
            Visit(typeParam);
        }

        foreach (var statement in node.Body)
        {
            Visit(statement);
        }

        _current = scope.Parent!;
    }

    public override void VisitExprListComp(ExprListComp node) => VisitComprehension(node, node.Generators, node.Elt, null);

    public override void VisitExprSetComp(ExprSetComp node) => VisitComprehension(node, node.Generators, node.Elt, null);

    public override void VisitExprGeneratorExp(ExprGeneratorExp node) => VisitComprehension(node, node.Generators, node.Elt, null);

    public override void VisitExprDictComp(ExprDictComp node) => VisitComprehension(node, node.Generators, node.Key, node.Value);

    private void VisitComprehension(Node node, System.Collections.Immutable.ImmutableArray<Comprehension> generators, Expr first, Expr? second)
    {
        // The outermost iterable is evaluated in the enclosing scope.
        Visit(generators[0].Iter);
        var scope = Enter(ScopeKind.Comprehension, node);
        for (var i = 0; i < generators.Length; i++)
        {
            var generator = generators[i];
            if (i > 0)
            {
                Visit(generator.Iter);
            }

            Visit(generator.Target);
            foreach (var condition in generator.Ifs)
            {
                Visit(condition);
            }
        }

        Visit(first);
        if (second is not null)
        {
            Visit(second);
        }

        _current = scope.Parent!;
    }

    public override void VisitExprNamedExpr(ExprNamedExpr node)
    {
        Visit(node.Value);
        if (node.Target is ExprName name)
        {
            _current.WalrusTarget.Add(name.Id, SymbolFlags.Bound);
        }
    }

    public override void VisitExprName(ExprName node) =>
        _current.Add(node.Id, node.Ctx == ExprContext.Load ? SymbolFlags.Used : SymbolFlags.Bound);

    public override void VisitStmtImport(StmtImport node)
    {
        foreach (var alias in node.Names)
        {
            var bound = alias.Asname ?? alias.Name.Split('.')[0];
            _current.Add(bound, SymbolFlags.Bound);
        }
    }

    public override void VisitStmtImportFrom(StmtImportFrom node)
    {
        foreach (var alias in node.Names)
        {
            if (alias.Name == "*")
            {
                _current.AddStarImport(new string('.', node.Level) + (node.Module ?? string.Empty));
            }
            else
            {
                _current.Add(alias.Asname ?? alias.Name, SymbolFlags.Bound);
            }
        }
    }

    public override void VisitStmtGlobal(StmtGlobal node)
    {
        foreach (var name in node.Names)
        {
            _current.Add(name, SymbolFlags.Global);
            _current.Module.Add(name, SymbolFlags.Bound);
        }
    }

    public override void VisitStmtNonlocal(StmtNonlocal node)
    {
        foreach (var name in node.Names)
        {
            _current.Add(name, SymbolFlags.Nonlocal);
        }
    }

    public override void VisitExceptHandler(ExceptHandler node)
    {
        if (node.Name is not null)
        {
            _current.Add(node.Name, SymbolFlags.Bound);
        }

        base.VisitExceptHandler(node);
    }

    public override void VisitPatternMatchAs(PatternMatchAs node)
    {
        if (node.Name is not null)
        {
            _current.Add(node.Name, SymbolFlags.Bound);
        }

        base.VisitPatternMatchAs(node);
    }

    public override void VisitPatternMatchStar(PatternMatchStar node)
    {
        if (node.Name is not null)
        {
            _current.Add(node.Name, SymbolFlags.Bound);
        }
    }

    public override void VisitPatternMatchMapping(PatternMatchMapping node)
    {
        if (node.Rest is not null)
        {
            _current.Add(node.Rest, SymbolFlags.Bound);
        }

        base.VisitPatternMatchMapping(node);
    }

    public override void VisitTypeParamTypeVar(TypeParamTypeVar node)
    {
        _current.Add(node.Name, SymbolFlags.Bound);
        base.VisitTypeParamTypeVar(node);
    }

    public override void VisitTypeParamParamSpec(TypeParamParamSpec node)
    {
        _current.Add(node.Name, SymbolFlags.Bound);
        base.VisitTypeParamParamSpec(node);
    }

    public override void VisitTypeParamTypeVarTuple(TypeParamTypeVarTuple node)
    {
        _current.Add(node.Name, SymbolFlags.Bound);
        base.VisitTypeParamTypeVarTuple(node);
    }

    private void VisitDefaultsAndAnnotations(Arguments args)
    {
        foreach (var value in args.Defaults)
        {
            Visit(value);
        }

        foreach (var value in args.KwDefaults)
        {
            if (value is not null)
            {
                Visit(value);
            }
        }

        foreach (var parameter in AllParameters(args))
        {
            if (parameter.Annotation is not null)
            {
                Visit(parameter.Annotation);
            }
        }
    }

    private void BindParameters(Arguments args)
    {
        foreach (var parameter in AllParameters(args))
        {
            _current.Add(parameter.Name, SymbolFlags.Bound | SymbolFlags.Parameter);
        }
    }

    internal static ParameterList AllParameters(Arguments args) => new(args);

    private Scope Enter(ScopeKind kind, Node node)
    {
        var scope = new Scope(kind, node, _current);
        _scopes[node] = scope;
        _current = scope;
        return scope;
    }
}
