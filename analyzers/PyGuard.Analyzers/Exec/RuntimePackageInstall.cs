using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Exec;

/// <summary>PG206: installing packages while the code runs, through pip's API or a command.</summary>
public sealed partial class RuntimePackageInstall : Analyzer
{
    private static readonly FrozenSet<string> PipApis = FrozenSet.ToFrozenSet(
    [
        "pip.main", "pip._internal.main", "pip._internal.cli.main.main", "pip._internal.main.main",
        "ensurepip.bootstrap", "ensurepip._main", "setuptools.command.easy_install.main",
    ], StringComparer.Ordinal);

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG206", "Package installation at run time", "{0}",
        RuleCategory.Exec, Severity.Error, Confidence.High, 8.8, [829, 494],
        whatItDoes: "Reports code that installs packages while it runs: `pip.main([...])`, pip's internal entry points, `ensurepip`, and shell or process commands that run `pip install`, `python -m pip install`, `conda install`, `npm install`, `apt-get install` or `easy_install`.",
        why: "Installing a package runs its setup code and brings in code no scanner saw, from a name the agent may have hallucinated and an attacker registered. It also changes the environment for everything that runs after.",
        example: "import subprocess, sys\nsubprocess.check_call([sys.executable, '-m', 'pip', 'install', 'reqeusts'])",
        instead: "Declare dependencies up front (requirements file, lock file) and install them outside the agent's run, after review.");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterNodeAction(Analyze, NodeKind.ExprCall);

    private static readonly string[] ProcessPrefixes = ["os.exec", "os.spawn", "os.posix_spawn", "asyncio.create_subprocess"];

    private static void Analyze(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        var model = context.Model;
        if (model.CalleeIn(call, PipApis) is { } api)
        {
            context.ReportHere(Descriptor, $"{api} installs packages at run time");
            return;
        }

        var runsCommand = model.CalleeIn(call, ShellCommand.ShellFunctions) is not null ||
                          model.CalleeIn(call, ShellCommand.SubprocessFunctions) is not null ||
                          model.CalleeWithPrefix(call, ProcessPrefixes) is not null;
        if (!runsCommand)
        {
            return;
        }

        foreach (var command in model.CommandWords(call.Argument(0, "args")).Concat(model.CommandWords(call.Argument(1))))
        {
            if (InstallCommand().IsMatch(command))
            {
                context.ReportHere(Descriptor, $"runs '{CallSites.Describe(command)}', which installs packages");
                return;
            }
        }
    }

    [GeneratedRegex(@"(^|[\s/])(pip[0-9.]*|conda|mamba|npm|yarn|pnpm|apt-get|apt|yum|dnf|apk|brew|gem|cargo|easy_install|uv)(\s+\S+)*?\s+(install|add)\b|-m\s+pip\s+install|(^|\s)uv\s+pip\s+install", RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex InstallCommand();
}
