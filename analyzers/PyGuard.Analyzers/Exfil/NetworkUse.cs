using System.Collections.Immutable;
using PyGuard.Analyzers.Catalogs;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Engine.Policies;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Exfil;

/// <summary>PG605: the file uses the network, with nothing sensitive in what it sends; the policy decides what that means.</summary>
public sealed class NetworkUse : Analyzer
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG605", "Network use", "{0} uses the network{1}",
        RuleCategory.Exfil, Severity.Warning, Confidence.High, 3.0, [200],
        whatItDoes: "Reports, once per file, that the code talks to the network (an HTTP request, a socket connection, a DNS lookup, mail, FTP, SSH, opening a browser) without sensitive data in what it sends — that case is PG601. Its severity is the policy's `network` setting: `warning` (a human reviews it) under `agent`, `note` under `audit`, and `off` switches it off.",
        why: "Network access is the one capability every exfiltration needs and most data tasks do not. Even a harmless-looking download can fetch a second stage, and a request's URL alone can carry data out. The agent gate therefore has a person confirm it.",
        example: "import requests\nrates = requests.get('https://api.frankfurter.app/latest', timeout=10).json()",
        instead: "Give the code its data as files, or allow network use in a policy (`network = \"off\"` or `\"note\"`) for agents that are meant to reach the network.",
        safeExample: "import json\nwith open('rates.json') as f:\n    rates = json.load(f)");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.RegisterNodeAction(Gather, NodeKind.ExprCall);
        registration.RegisterFileEndAction(Analyze);
    }

    /// <summary>
    /// Gathers the calls that reach the network during the one walk. The other exfiltration rules ask the
    /// same of every call just before or after, and the model keeps the answer for the call, so this costs
    /// no look-up of its own.
    /// </summary>
    private static void Gather(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        if (NetworkCalls.Find(context.Model, call) is { UsesNetwork: true } network)
        {
            context.FileState<NetworkCallsSeen>().Calls.Add((call, network.Function));
        }
    }

    private static void Analyze(FileContext context)
    {
        Severity severity;
        switch (context.Policy.NetworkUse)
        {
            case RuleSetting.Off:
                return;
            case RuleSetting.Note:
                severity = Severity.Note;
                break;
            case RuleSetting.Error:
                severity = Severity.Error;
                break;
            default:
                severity = Severity.Warning;
                break;
        }

        var model = context.Model;
        if (!model.Imports.Any(i => ModuleCatalog.Find(i.Module) is { IsNetwork: true }))
        {
            return;
        }

        var calls = context.FileState<NetworkCallsSeen>().Calls;
        // The first call that sends no sensitive content carries the finding; the taint of later calls is not needed.
        var plain = calls.FirstOrDefault(c => TaintFlows.Find(model, NetworkCalls.Arguments(c.Call), TaintFlows.IsContent).Count == 0);
        if (plain.Call is not null)
        {
            var others = calls.Count - 1;
            context.Report(Descriptor, plain.Call.Span, severity, null, plain.Function,
                others == 0 ? string.Empty : $" ({others} more network call{(others == 1 ? "" : "s")} in the file)");
        }
    }

    /// <summary>Every call in the file that reaches the network, in source order.</summary>
    private sealed class NetworkCallsSeen
    {
        public List<(ExprCall Call, string Function)> Calls { get; } = [];
    }
}
