using System.Collections.Frozen;
using PyGuard.Regex;
using PyGuard.Semantics;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Redos;

/// <summary>One place where a regular expression is applied: its pattern, flags, how it matches, and what to.</summary>
internal sealed record RegexUse(PyValue Pattern, long Flags, MatchMode Mode, string Function, Node PatternSite, Expr? Subject);

/// <summary>
/// Finds every regular expression that reaches the <c>re</c> (or <c>regex</c>) module in a file: calls of the
/// module functions with their pattern argument, and methods of compiled patterns traced back to their
/// <c>compile</c> call. A pattern compiled and never used in the file is judged as if searched.
/// </summary>
internal static class RegexUses
{
    /// <summary>Module functions: position of the subject and of the flags, and the matching semantics.</summary>
    private static readonly FrozenDictionary<string, (int Subject, int Flags, MatchMode Mode)> Functions =
        new Dictionary<string, (int, int, MatchMode)>(StringComparer.Ordinal)
        {
            ["match"] = (1, 2, MatchMode.Match),
            ["fullmatch"] = (1, 2, MatchMode.FullMatch),
            ["search"] = (1, 2, MatchMode.Search),
            ["findall"] = (1, 2, MatchMode.Search),
            ["finditer"] = (1, 2, MatchMode.Search),
            ["split"] = (1, 3, MatchMode.Search),
            ["sub"] = (2, 4, MatchMode.Search),
            ["subn"] = (2, 4, MatchMode.Search),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Methods of compiled patterns and the position of their subject.</summary>
    private static readonly FrozenDictionary<string, (int Subject, MatchMode Mode)> Methods =
        new Dictionary<string, (int, MatchMode)>(StringComparer.Ordinal)
        {
            ["match"] = (0, MatchMode.Match),
            ["fullmatch"] = (0, MatchMode.FullMatch),
            ["search"] = (0, MatchMode.Search),
            ["findall"] = (0, MatchMode.Search),
            ["finditer"] = (0, MatchMode.Search),
            ["split"] = (0, MatchMode.Search),
            ["sub"] = (1, MatchMode.Search),
            ["subn"] = (1, MatchMode.Search),
            ["scanner"] = (0, MatchMode.Search),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The qualified name of every module function that <see cref="ModulePatternArgument"/> takes a pattern of.</summary>
    public static readonly FrozenSet<string> ModuleFunctions =
        (from module in (string[])["re", "regex"] from function in Functions.Keys.Append("compile") select $"{module}.{function}")
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The pattern expression of a module-level regex call (<c>re.search(p, s)</c>, <c>re.compile(p)</c>), or null.</summary>
    public static Expr? ModulePatternArgument(SemanticModel model, ExprCall call) =>
        model.CalleeNames(call).Any(n => IsRegexFunction(n, out _)) ? call.Argument(0, "pattern") : null;

    public static List<RegexUse> Find(SemanticModel model)
    {
        var walker = new Walker(model);
        walker.Visit(model.Tree.Root);
        foreach (var (site, compiled) in walker.Compiled)
        {
            if (!walker.UsedCompileSites.Contains(site))
            {
                walker.Uses.Add(compiled with { Mode = MatchMode.Search, Function = "re.compile" });
            }
        }

        return walker.Uses;
    }

    private static bool IsRegexFunction(string name, out string function)
    {
        function = string.Empty;
        // Compared as a span: this runs for every callee name of every call, and few are re's.
        var dot = name.IndexOf('.');
        if (dot < 0 || name.AsSpan(0, dot) is not ("re" or "regex"))
        {
            return false;
        }

        function = name[(dot + 1)..];
        return function == "compile" || Functions.ContainsKey(function);
    }

    private sealed class Walker(SemanticModel model) : NodeWalker
    {
        public List<RegexUse> Uses { get; } = [];

        public List<(Node Site, RegexUse Use)> Compiled { get; } = [];

        public HashSet<Node> UsedCompileSites { get; } = [];

        public override void VisitExprCall(ExprCall node)
        {
            foreach (var name in model.CalleeNames(node))
            {
                if (IsRegexFunction(name, out var function))
                {
                    AddModuleCall(node, name, function);
                    break;
                }
            }

            if (node.Func is ExprAttribute { Attr: var method } attribute && Methods.TryGetValue(method, out var shape))
            {
                foreach (var compiled in model.ValueOf(attribute.Value).Items.OfType<RegexValue>())
                {
                    UsedCompileSites.Add(compiled.Site);
                    var site = compiled.Site is ExprCall compile ? compile.Argument(0, "pattern") ?? compile : compiled.Site;
                    Uses.Add(new RegexUse(compiled.Pattern, compiled.Flags, shape.Mode, $"re.Pattern.{method}", site, node.Argument(shape.Subject, "string")));
                }
            }

            base.VisitExprCall(node);
        }

        private void AddModuleCall(ExprCall call, string name, string function)
        {
            var patternExpr = call.Argument(0, "pattern");
            if (patternExpr is null)
            {
                return;
            }

            var flagsPosition = function == "compile" ? 1 : Functions[function].Flags;
            var flags = call.Argument(flagsPosition, "flags") is { } flagsExpr ? model.ConstantOf(flagsExpr) as PyInt : new PyInt(0);
            foreach (var pattern in model.ValueOf(patternExpr).Items.OfType<ConstValue>())
            {
                if (pattern.Constant is not (PyStr or PyBytes))
                {
                    continue;
                }

                if (function == "compile")
                {
                    Compiled.Add((call, new RegexUse(pattern.Constant, (long)(flags?.Value ?? 0), MatchMode.Search, name, patternExpr, null)));
                }
                else
                {
                    var (subject, _, mode) = Functions[function];
                    Uses.Add(new RegexUse(pattern.Constant, (long)(flags?.Value ?? 0), mode, name, patternExpr, call.Argument(subject, "string")));
                }
            }
        }
    }
}
