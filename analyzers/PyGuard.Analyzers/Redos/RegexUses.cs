using System.Collections.Frozen;
using PyGuard.Regex;
using PyGuard.Semantics;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Redos;

/// <summary>One place where a regular expression is applied: its pattern, flags, how it matches, and what to.</summary>
internal sealed record RegexUse(PyValue Pattern, long Flags, MatchMode Mode, string Function, Node PatternSite, Expr? Subject);

/// <summary>
/// Gathers, call by call in source order, every regular expression that reaches the <c>re</c> (or
/// <c>regex</c>) module in a file: calls of the module functions with their pattern argument, and methods
/// of compiled patterns traced back to their <c>compile</c> call. A pattern compiled and never used in the
/// file is judged as if searched.
/// </summary>
internal sealed class RegexUses
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

    /// <summary>The qualified name of every module function that takes a pattern (see <see cref="ModulePatternArgument"/>).</summary>
    public static readonly FrozenSet<string> ModuleFunctions =
        (from module in (string[])["re", "regex"] from function in Functions.Keys.Append("compile") select $"{module}.{function}")
        .ToFrozenSet(StringComparer.Ordinal);

    private readonly List<RegexUse> _uses = [];
    private readonly List<(Node Site, RegexUse Use)> _compiled = [];
    private readonly HashSet<Node> _usedCompileSites = [];

    /// <summary>The pattern expression of a module-level regex call (<c>re.search(p, s)</c>, <c>re.compile(p)</c>), or null.</summary>
    public static Expr? ModulePatternArgument(SemanticModel model, ExprCall call) =>
        model.CalleeNames(call).Any(n => IsRegexFunction(n, out _)) ? call.Argument(0, "pattern") : null;

    /// <summary>The names of the methods of a compiled pattern that apply it.</summary>
    public static IEnumerable<string> PatternMethods => Methods.Keys;

    /// <summary>Gathers the use a call of a module function makes; the callee is one of <see cref="ModuleFunctions"/>.</summary>
    public void AddModuleCall(SemanticModel model, ExprCall call)
    {
        foreach (var name in model.CalleeNames(call))
        {
            if (IsRegexFunction(name, out var function))
            {
                AddModuleCall(model, call, name, function);
                return;
            }
        }
    }

    /// <summary>Gathers the uses of the compiled patterns a call of one of the <see cref="PatternMethods"/> is made on.</summary>
    public void AddMethodCall(SemanticModel model, ExprCall call)
    {
        var attribute = (ExprAttribute)call.Func;
        var (subject, mode) = Methods[attribute.Attr];
        foreach (var compiled in model.ValueOf(attribute.Value).Items.OfType<RegexValue>())
        {
            _usedCompileSites.Add(compiled.Site);
            var site = compiled.Site is ExprCall compile ? compile.Argument(0, "pattern") ?? compile : compiled.Site;
            _uses.Add(new RegexUse(compiled.Pattern, compiled.Flags, mode, $"re.Pattern.{attribute.Attr}", site, call.Argument(subject, "string")));
        }
    }

    /// <summary>Every use gathered, in source order, then the patterns compiled and never used.</summary>
    public List<RegexUse> Finish()
    {
        foreach (var (site, compiled) in _compiled)
        {
            if (!_usedCompileSites.Contains(site))
            {
                _uses.Add(compiled with { Mode = MatchMode.Search, Function = "re.compile" });
            }
        }

        return _uses;
    }

    private static bool IsRegexFunction(string name, out string function)
    {
        function = string.Empty;
        var dot = name.IndexOf('.');
        if (dot < 0 || name.AsSpan(0, dot) is not ("re" or "regex"))
        {
            return false;
        }

        function = name[(dot + 1)..];
        return function == "compile" || Functions.ContainsKey(function);
    }

    private void AddModuleCall(SemanticModel model, ExprCall call, string name, string function)
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
                _compiled.Add((call, new RegexUse(pattern.Constant, (long)(flags?.Value ?? 0), MatchMode.Search, name, patternExpr, null)));
            }
            else
            {
                var (subject, _, mode) = Functions[function];
                _uses.Add(new RegexUse(pattern.Constant, (long)(flags?.Value ?? 0), mode, name, patternExpr, call.Argument(subject, "string")));
            }
        }
    }
}
