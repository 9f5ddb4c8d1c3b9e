using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Exec;

/// <summary>PG205: another program started without a shell (the shell case is PG204).</summary>
public sealed class ProcessExecution : Analyzer
{
    internal static readonly FrozenSet<string> Starters = FrozenSet.ToFrozenSet(
    [
        "os.execl", "os.execle", "os.execlp", "os.execlpe", "os.execv", "os.execve", "os.execvp", "os.execvpe",
        "os.spawnl", "os.spawnle", "os.spawnlp", "os.spawnlpe", "os.spawnv", "os.spawnve", "os.spawnvp", "os.spawnvpe",
        "os.posix_spawn", "os.posix_spawnp", "os.startfile", "asyncio.create_subprocess_exec",
        "asyncio.subprocess.create_subprocess_exec", "pty.spawn", "pty.fork", "subprocess._execute_child",
    ], StringComparer.Ordinal);

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG205", "Process execution", "{0}",
        RuleCategory.Exec, Severity.Error, Confidence.High, 8.0, [78],
        whatItDoes: "Reports code that starts another program without a shell: `subprocess.run`/`call`/`check_call`/`check_output`/`Popen`, the `os.exec*`, `os.spawn*` and `os.posix_spawn*` families, `os.startfile`, `asyncio.create_subprocess_exec` and `pty.spawn`. The message names the program when it is known.",
        why: "A started program runs outside the interpreter and outside everything a Python-level check can see or limit. It is the direct way for code to escape into the rest of the machine.",
        example: "import subprocess\nsubprocess.run(['rm', '-rf', '/home/user/project'])",
        instead: "Do the work in Python. If a program must run, run the whole snippet under `pyguard run`, where processes are contained, and allow it in a policy you control.",
        safeExample: "import shutil\nshutil.copy('in.csv', 'out/in.csv')");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterCallAction(Analyze, Starters.Concat(ShellCommand.SubprocessFunctions));

    private static void Analyze(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        var model = context.Model;
        var function = model.CalleeIn(call, Starters);
        Expr? program = call.Argument(0);
        if (function is null && model.CalleeIn(call, ShellCommand.SubprocessFunctions) is { } subprocess)
        {
            if (model.FlagValue(call.Keyword("shell"), absent: false) != false)
            {
                return;
            }

            function = subprocess;
            program = call.Argument(0, "args");
        }

        if (function is null)
        {
            return;
        }

        var words = model.CommandWords(program).FirstOrDefault();
        context.ReportHere(Descriptor, words is null
            ? $"{function} starts a program chosen at run time"
            : $"{function} starts '{CallSites.Describe(words)}'");
    }
}
