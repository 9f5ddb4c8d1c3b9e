using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Escape;

/// <summary>PG308: the garbage collector used to find objects the code was never given.</summary>
public sealed class GarbageCollectorIntrospection : Analyzer
{
    private static readonly FrozenSet<string> Functions = FrozenSet.ToFrozenSet(
        ["gc.get_objects", "gc.get_referrers", "gc.get_referents", "gc.garbage", "sys.getobjects"], StringComparer.Ordinal);

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG308", "Object discovery through the garbage collector", "{0} reaches objects the code was never given",
        RuleCategory.Escape, Severity.Error, Confidence.Medium, 8.0, [94, 693],
        whatItDoes: "Reports `gc.get_objects()`, `gc.get_referrers()`, `gc.get_referents()` and `gc.garbage`.",
        why: "The collector lists every live object: modules, frames, the host application's secrets and unrestricted functions. Walking it finds `os` or the builtins even when every import is blocked.",
        example: "import gc\nos_mod = next(o for o in gc.get_objects() if getattr(o, '__name__', '') == 'os')",
        instead: "Keep references to the objects you need; use `gc.collect()` only to free memory.",
        safeExample: "import gc\ngc.collect()");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.RegisterCallAction(Analyze, Functions);
        registration.RegisterNodeAction(Analyze, NodeKind.ExprAttribute);

        // Both callbacks report a value that refers to one of these names; most files hold none, and every
        // attribute would otherwise be asked.
        registration.RunNodeActionsOnlyIf(file => file.Model.MayHoldReferenceTo(Functions));
    }

    private static void Analyze(NodeContext context)
    {
        var expr = (Expr)context.Node;
        if (expr is ExprAttribute && context.Parent is ExprCall parentCall && ReferenceEquals(parentCall.Func, expr))
        {
            return;
        }

        var name = expr is ExprCall call ? context.Model.CalleeIn(call, Functions) :
            context.Model.MayBe(expr, "gc.garbage") ? "gc.garbage" : null;
        if (name is not null)
        {
            context.ReportHere(Descriptor, name);
        }
    }
}
