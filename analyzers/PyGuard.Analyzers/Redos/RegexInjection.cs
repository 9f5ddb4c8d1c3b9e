using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics;
using PyGuard.Semantics.Scopes;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Redos;

/// <summary>PG503: a regular expression built from values the code does not control.</summary>
public sealed class RegexInjection : Analyzer
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG503", "Regular expression built from input", "{0} builds its pattern from {1}, which the code does not control",
        RuleCategory.Redos, Severity.Warning, Confidence.Medium, 5.5, [1333, 625],
        whatItDoes: "Reports calls of `re`/`regex` functions and `re.compile` whose pattern is not a constant: built from input, data read at run time or other values the analysis cannot fold. Parts wrapped in `re.escape(...)` are literal text and do not count; a pattern passed in as a function parameter is judged at the call sites, where its value is known.",
        why: "Whoever controls a pattern controls how long matching takes (`(a+)+$` is one line of input) and what it matches. A pattern from input is a ReDoS and a logic-bypass waiting to happen.",
        example: "import re\nterm = input('search: ')\nhits = [line for line in lines if re.search(term, line)]",
        instead: "Escape input before putting it in a pattern (`re.escape(term)`), or match with `str` methods (`term in line`).",
        safeExample: "import re\nterm = input('search: ')\nhits = [line for line in lines if re.search(re.escape(term), line)]");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterCallAction(Analyze, RegexUses.ModuleFunctions);

    private static void Analyze(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        var model = context.Model;
        if (RegexUses.ModulePatternArgument(model, call) is not { } pattern || !model.ValueOf(pattern).MayBeOther)
        {
            return;
        }

        var source = UncontrolledPart(model, pattern);
        if (source is null)
        {
            return;
        }

        // Input the caller chooses (command line, stdin, network, files, environment) makes it an attack surface.
        var input = ExternalInput.Find(model, pattern);
        context.Report(Descriptor, pattern.Span, input is null ? null : Severity.Error, input is null ? null : Confidence.High,
            model.CalleeNames(call).First(), input is null ? source : $"{source} ({input})");
    }

    /// <summary>A short description of the first part of the pattern that is neither constant, escaped, nor a parameter.</summary>
    private static string? UncontrolledPart(SemanticModel model, Expr expr)
    {
        if (!model.ValueOf(expr).MayBeOther)
        {
            return null;
        }

        switch (expr)
        {
            case ExprCall call when model.CalleeNames(call).Any(n => n is "re.escape" or "regex.escape"):
                return null;
            case ExprName name when IsParameter(model, name):
                return null;
            case ExprBinOp binary:
                return UncontrolledPart(model, binary.Left) ?? UncontrolledPart(model, binary.Right);
            case ExprJoinedStr joined:
                return joined.Values.Select(v => v is ExprFormattedValue f ? UncontrolledPart(model, f.Value) : null).FirstOrDefault(s => s is not null);
            case ExprCall { Func: ExprAttribute { Attr: "format" or "join" } } method:
                return method.Args.Select(a => UncontrolledPart(model, a)).FirstOrDefault(s => s is not null)
                    ?? (method.Func is ExprAttribute attribute ? UncontrolledPart(model, attribute.Value) : null);
            case ExprName name:
                return $"the variable '{name.Id}'";
            case ExprCall call:
                return model.CalleeNames(call).FirstOrDefault() is { } callee ? $"the result of {callee.Replace("builtins.", string.Empty, StringComparison.Ordinal)}()" : "a call";
            default:
                return "a value computed at run time";
        }
    }

    private static bool IsParameter(SemanticModel model, ExprName name)
    {
        var scope = model.ScopeContaining(name);
        var owner = scope.Resolve(name.Id);
        return owner is not null && owner.IsFunctionLike && (owner.FlagsOf(name.Id) & SymbolFlags.Parameter) != 0;
    }
}
