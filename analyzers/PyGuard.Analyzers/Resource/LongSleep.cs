using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Resource;

/// <summary>PG407: sleeping for longer than the policy allows.</summary>
public sealed class LongSleep : Analyzer
{
    private static readonly FrozenSet<string> Sleeps = FrozenSet.ToFrozenSet(
        ["time.sleep", "asyncio.sleep", "threading.Event.wait", "signal.pause"], StringComparer.Ordinal);

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG407", "Long sleep", "{0}",
        RuleCategory.Resource, Severity.Error, Confidence.High, 5.0, [400],
        whatItDoes: "Reports `time.sleep` and `asyncio.sleep` of more than the policy's `max-sleep-seconds` (600 by default, from folded constants: `time.sleep(3600 * 24)`), infinite sleeps, and `signal.pause()`.",
        why: "A sleeping snippet holds its sandbox, its locks and the agent's turn for hours; delayed execution is also how code waits out a review before it acts.",
        example: "import time\ntime.sleep(60 * 60 * 24)",
        instead: "Sleep only as long as the task needs; poll with a deadline.",
        safeExample: "import time\ntime.sleep(0.5)");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterCallAction(Analyze, Sleeps);

    private static void Analyze(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        var function = context.Model.CalleeIn(call, Sleeps);
        if (function is null)
        {
            return;
        }

        if (function == "signal.pause")
        {
            context.Report(Descriptor, call.Span, Severity.Warning, Confidence.Medium, "signal.pause() sleeps until a signal arrives");
            return;
        }

        // time.sleep takes its duration by position only; the others also by name.
        var keyword = function switch
        {
            "asyncio.sleep" => "delay",
            "threading.Event.wait" => "timeout",
            _ => null,
        };
        if (call.Argument(0, keyword) is not { } argument || context.Model.ConstantOf(argument) is not { } constant ||
            Magnitudes.Number(constant) is not { } seconds)
        {
            return;
        }

        var limit = context.Policy.Resources.MaxSleepSeconds;
        if (double.IsNaN(seconds) || seconds > limit)
        {
            var duration = double.IsInfinity(seconds) ? "forever" : seconds >= 3600 ? $"{seconds / 3600:0.#} hours" : $"{seconds / 60:0.#} minutes";
            context.ReportHere(Descriptor, $"{function} sleeps {duration} (limit {limit:0} seconds)");
        }
    }
}
