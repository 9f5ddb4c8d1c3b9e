using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Escape;

/// <summary>PG303: stack frames, generator frames and tracebacks used to reach other code's variables.</summary>
public sealed class FrameIntrospection : Analyzer
{
    private static readonly FrozenSet<string> FrameFunctions = FrozenSet.ToFrozenSet(
    [
        "sys._getframe", "sys._getframemodulename", "sys._current_frames", "sys._current_exceptions",
        "inspect.currentframe", "inspect.stack", "inspect.trace", "inspect.getouterframes", "inspect.getinnerframes",
        "traceback.walk_stack", "traceback.walk_tb",
    ], StringComparer.Ordinal);

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG303", "Frame introspection", "{0}",
        RuleCategory.Escape, Severity.Error, Confidence.High, 8.5, [94, 693],
        whatItDoes: "Reports frame, generator, coroutine and traceback internals (`f_back`, `f_globals`, `f_locals`, `f_builtins`, `f_code`, `gi_frame`, `gi_code`, `cr_frame`, `ag_frame`, `tb_frame`, `tb_next`) and the functions that hand out frames (`sys._getframe`, `sys._current_frames`, `inspect.currentframe`, `inspect.stack`, `inspect.trace`, `traceback.walk_stack`).",
        why: "A frame's `f_back.f_globals` is the namespace of whoever called the code — the host application, with its secrets and unrestricted modules. Generator and traceback frames lead there too. Escapes from restricted evaluators use exactly these hops.",
        example: "import sys\nhost_globals = sys._getframe(1).f_globals\nhost_globals['__builtins__']['exec']('...')",
        instead: "Pass the values the code needs as arguments; use `logging` or `traceback.format_exc()` for diagnostics.",
        safeExample: "import traceback\nmessage = traceback.format_exc()");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.RegisterAttributeAction(AnalyzeAttribute, DunderNames.FrameInternals);
        registration.RegisterCallAction(AnalyzeCall, FrameFunctions);
    }

    private static void AnalyzeAttribute(NodeContext context)
    {
        var attribute = (ExprAttribute)context.Node;
        context.ReportHere(Descriptor, $"reads {attribute.Attr}, a frame internal that reaches other code's variables");
    }

    private static void AnalyzeCall(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        if (context.Model.CalleeIn(call, FrameFunctions) is { } function)
        {
            context.Report(Descriptor, call.Span, null, Confidence.Medium, $"{function} hands out stack frames");
        }
    }
}
