using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Exec;

/// <summary>
/// PG201: a call of <c>eval</c>, <c>exec</c> or <c>compile</c>, however the builtin is reached. When the
/// code being executed is a constant the analysis could fold, that code is scanned as well, and whatever
/// it contains is reported here.
/// </summary>
public sealed class DynamicCodeExecution : Analyzer
{
    internal static readonly FrozenSet<string> CodeExecutors = FrozenSet.ToFrozenSet(
        ["builtins.eval", "builtins.exec", "builtins.compile", "builtins.execfile"], StringComparer.Ordinal);

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG201", "Dynamic code execution", "{0}",
        RuleCategory.Exec, Severity.Error, Confidence.High, 9.0, [95],
        whatItDoes: "Reports calls of `eval`, `exec` and `compile`, including calls through aliases (`e = eval`), `getattr(builtins, 'eval')`, `__builtins__['exec']`, `globals()['__builtins__']`, `vars(builtins)` and helper functions. If the code passed is a constant that the analysis can fold (even through concatenation, decoding or decompression), it is parsed and scanned too, and its findings are reported at the call.",
        why: "Executing a string runs code that no scanner saw. With a computed argument the executed code can be anything — it is the standard way to smuggle a payload past static checks.",
        example: "payload = requests.get(url).text\nexec(payload)",
        instead: "Call the functions you need directly. To parse literal data, use `ast.literal_eval` or `json.loads`.",
        safeExample: "import ast\nvalues = ast.literal_eval('[1, 2, 3]')",
        "https://docs.python.org/3/library/functions.html#eval", "https://cwe.mitre.org/data/definitions/95.html");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterCallAction(Analyze, CodeExecutors);

    private static void Analyze(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        var callee = context.Model.CalleeIn(call, CodeExecutors);
        if (callee is null)
        {
            return;
        }

        var function = callee["builtins.".Length..];
        var route = call.Func is ExprName { Id: var id } && id == function ? string.Empty : " (reached indirectly)";
        var argument = call.Argument(0, function == "compile" ? "source" : null);
        var payload = argument is null ? ValueSet.Unknown : context.Model.ValueOf(argument);
        var sources = payload.Strings.ToList();
        if (sources.Count > 0 && !payload.MayBeOther)
        {
            context.Report(Descriptor, call.Span, Severity.Warning, Confidence.High,
                $"{function} of constant code{route}; the code was scanned: {CallSites.Describe(sources[0])}");
            foreach (var source in sources)
            {
                context.ScanEmbeddedSource(source, call, $"code passed to {function}");
            }

            return;
        }

        context.Report(Descriptor, call.Span, null, null, $"{function} of code computed at run time{route}");
    }
}
