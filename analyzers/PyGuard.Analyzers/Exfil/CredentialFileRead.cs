using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics.DataFlow;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Exfil;

/// <summary>PG606: code that reads, copies or archives credential and key files.</summary>
public sealed class CredentialFileRead : Analyzer
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG606", "Reading credential or key files", "{0} {1}",
        RuleCategory.Exfil, Severity.Warning, Confidence.High, 7.0, [522, 552],
        whatItDoes: "Reports code that opens, reads, copies or archives files holding credentials and keys — `~/.ssh/*`, `~/.aws/credentials`, `~/.config/gcloud`, `~/.kube/config`, `~/.netrc`, `~/.docker/config.json`, `~/.git-credentials`, `.env` files, `/etc/shadow`, browser profile databases, keyrings and wallets — however the path is built (`os.path.expanduser`, `Path.home()`, `joinpath`, `/`, string building, loops over lists of paths). Reading `/etc/passwd` or `/etc/group`, which every user may read, is a note.",
        why: "Agent code that does data work has no reason to touch your keys. Reading them is the first half of credential theft; the second half (sending them, PG601) may be a later step, another file or a process the static check cannot see.",
        example: "import os\nwith open(os.path.expanduser('~/.ssh/id_rsa')) as f:\n    key = f.read()",
        instead: "Let the tools that own the credentials use them (ssh, the cloud SDKs). Never read key files from generated code.",
        safeExample: "with open('data/input.csv') as f:\n    rows = f.read().splitlines()",
        "https://attack.mitre.org/techniques/T1552/001/");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterCallAction(Analyze, SensitiveSources.CredentialFileFunctions);

    private static void Analyze(NodeContext context)
    {
        if (SensitiveSources.CredentialFileAccessOf(context.Model, (ExprCall)context.Node) is { } access)
        {
            var severity = access.File.IsPublicRecord ? Severity.Note : (Severity?)null;
            context.Report(Descriptor, context.Node.Span, severity, null, access.Verb, access.File.ToString());
        }
    }
}
