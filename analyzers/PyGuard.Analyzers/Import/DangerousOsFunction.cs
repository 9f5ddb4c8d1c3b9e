using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Import;

/// <summary>
/// PG106: members of <c>os</c>, <c>signal</c> and <c>sys</c> that act on processes or identity rather than
/// on data — forking, killing, changing user or root directory, hooking the interpreter.
/// </summary>
public sealed class DangerousOsFunction : Analyzer
{
    private static readonly FrozenDictionary<string, (Severity Severity, string Reason)> Members =
        new Dictionary<string, (Severity, string)>(StringComparer.Ordinal)
        {
            ["os.fork"] = (Severity.Error, "duplicates the process"),
            ["os.forkpty"] = (Severity.Error, "duplicates the process on a pseudo-terminal"),
            ["os.kill"] = (Severity.Error, "sends signals to other processes"),
            ["os.killpg"] = (Severity.Error, "sends signals to whole process groups"),
            ["os.pidfd_open"] = (Severity.Warning, "opens handles on other processes"),
            ["signal.pthread_kill"] = (Severity.Error, "sends signals to threads"),
            ["os.setuid"] = (Severity.Error, "changes the user the process runs as"),
            ["os.seteuid"] = (Severity.Error, "changes the user the process runs as"),
            ["os.setreuid"] = (Severity.Error, "changes the user the process runs as"),
            ["os.setresuid"] = (Severity.Error, "changes the user the process runs as"),
            ["os.setgid"] = (Severity.Error, "changes the group the process runs as"),
            ["os.setegid"] = (Severity.Error, "changes the group the process runs as"),
            ["os.setregid"] = (Severity.Error, "changes the group the process runs as"),
            ["os.setresgid"] = (Severity.Error, "changes the group the process runs as"),
            ["os.setgroups"] = (Severity.Error, "changes the process's groups"),
            ["os.chroot"] = (Severity.Error, "changes the root directory"),
            ["os.setns"] = (Severity.Error, "enters other namespaces"),
            ["os.unshare"] = (Severity.Error, "creates namespaces"),
            ["os.putenv"] = (Severity.Warning, "changes the environment inherited by child processes"),
            ["os.setsid"] = (Severity.Warning, "detaches the process into a new session"),
            ["os.setpgrp"] = (Severity.Warning, "moves the process into a new group"),
            ["os.nice"] = (Severity.Note, "changes the process's priority"),
            ["os.abort"] = (Severity.Warning, "kills the interpreter with a core dump"),
            ["os.memfd_create"] = (Severity.Warning, "creates anonymous executable files in memory"),
            ["sys.settrace"] = (Severity.Warning, "hooks every line of every function"),
            ["sys.setprofile"] = (Severity.Warning, "hooks every call"),
            ["sys.addaudithook"] = (Severity.Warning, "hooks the interpreter's audit events"),
            ["sys.setrecursionlimit"] = (Severity.Warning, "raises the recursion limit, the guard against stack exhaustion"),
            ["threading.settrace"] = (Severity.Warning, "hooks every thread"),
            ["resource.setrlimit"] = (Severity.Warning, "changes the process's resource limits"),
            ["resource.prlimit"] = (Severity.Error, "changes other processes' resource limits"),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG106", "Process or interpreter control", "{0} {1}",
        RuleCategory.Import, Severity.Error, Confidence.High, 7.8, [250, 269],
        whatItDoes: "Reports calls of `os`, `signal`, `sys` and `resource` functions that act on processes and identity rather than data: `os.fork`, `os.kill`, `os.setuid` and friends, `os.chroot`, namespace calls, `os.putenv`, `sys.settrace`, `sys.setrecursionlimit`, `resource.setrlimit`. Everyday members such as `os.path.join`, `os.environ.get` and `os.makedirs` are not reported here.",
        why: "Agent code that processes data has no reason to fork, signal other processes or change who it runs as; these calls are how code escapes limits, persists after the run or interferes with the machine.",
        example: "import os, signal\nfor pid in range(1, 5000):\n    os.kill(pid, signal.SIGKILL)",
        instead: "Remove the call. Use threads or asyncio for concurrency inside the process.",
        safeExample: "import os\nos.makedirs('output', exist_ok=True)");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterCallAction(Analyze, Members.Keys);

    private static void Analyze(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        foreach (var name in context.Model.CalleeNames(call))
        {
            if (Members.TryGetValue(name, out var member))
            {
                context.Report(Descriptor, call.Span, member.Severity, null, name, member.Reason);
                return;
            }
        }
    }
}
