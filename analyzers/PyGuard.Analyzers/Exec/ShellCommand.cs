using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Exec;

/// <summary>PG204: a command run through the system shell.</summary>
public sealed class ShellCommand : Analyzer
{
    /// <summary>Functions that always hand their command to <c>/bin/sh</c>.</summary>
    internal static readonly FrozenSet<string> ShellFunctions = FrozenSet.ToFrozenSet(
    [
        "os.system", "os.popen", "subprocess.getoutput", "subprocess.getstatusoutput", "platform.popen",
        "asyncio.create_subprocess_shell", "asyncio.subprocess.create_subprocess_shell",
    ], StringComparer.Ordinal);

    /// <summary>The subprocess entry points, which use a shell only with <c>shell=True</c>.</summary>
    internal static readonly FrozenSet<string> SubprocessFunctions = FrozenSet.ToFrozenSet(
    [
        "subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output", "subprocess.Popen",
    ], StringComparer.Ordinal);

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG204", "Shell command execution", "{0}",
        RuleCategory.Exec, Severity.Error, Confidence.High, 9.8, [78],
        whatItDoes: "Reports commands run through the system shell: `os.system`, `os.popen`, `subprocess.getoutput`/`getstatusoutput`, `asyncio.create_subprocess_shell`, and the `subprocess` functions called with `shell=True` — however the function is reached (aliases, `getattr`, re-exports such as `logging.os.system`). The message shows the command when it is known.",
        why: "A shell command can do anything the user can: delete files, read secrets, download and run programs. Shell syntax also turns any interpolated value into a command-injection point.",
        example: "import os\nos.system(f'tar czf backup.tgz {folder}')",
        instead: "Do the work in Python (`shutil`, `tarfile`, `pathlib`). If a program must run, run it under `pyguard run`, with an argument list and without a shell.",
        safeExample: "import tarfile\nwith tarfile.open('backup.tgz', 'w:gz') as tar:\n    tar.add(folder)",
        "https://docs.python.org/3/library/subprocess.html#security-considerations");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterCallAction(Analyze, ShellFunctions.Concat(SubprocessFunctions));

    private static void Analyze(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        var model = context.Model;
        if (model.CalleeIn(call, ShellFunctions) is { } shell)
        {
            context.ReportHere(Descriptor, Describe(model, shell, call.Argument(0, "cmd") ?? call.Argument(0, "command")));
            return;
        }

        if (model.CalleeIn(call, SubprocessFunctions) is { } function)
        {
            var usesShell = model.FlagValue(call.Keyword("shell"), absent: false);
            if (usesShell == true)
            {
                context.ReportHere(Descriptor, Describe(model, function + " with shell=True", call.Argument(0, "args")));
            }
            else if (usesShell is null)
            {
                context.Report(Descriptor, call.Span, Severity.Error, Confidence.Medium,
                    Describe(model, function + " with a shell flag that may be true", call.Argument(0, "args")));
            }
        }
    }

    private static string Describe(SemanticModel model, string function, Expr? command)
    {
        var words = model.CommandWords(command).FirstOrDefault();
        return words is null ? $"{function} runs a shell command computed at run time" : $"{function} runs the shell command '{CallSites.Describe(words)}'";
    }
}
