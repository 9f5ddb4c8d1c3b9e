using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Filesystem;

/// <summary>PG706: other writes outside the working directory.</summary>
public sealed class WriteOutsideWorkingDirectory : Analyzer
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG706", "Write outside the working directory", "{0} writes {1} ({2})",
        RuleCategory.Filesystem, Severity.Error, Confidence.Medium, 7.0, [73, 22],
        whatItDoes: "Reports writes — `open` for writing, `Path.write_text`/`write_bytes`/`touch`, the destination of copies and moves, `os.truncate` — to the home directory, absolute paths, or relative paths that climb out with `..`, when the place is not a persistence location (PG702) or a device (PG705). Writing to the shared temporary directory, to temporary files the code created, and anywhere inside the working directory is not reported.",
        why: "Agent code runs in a working directory for a reason: everything it writes elsewhere can overwrite the user's files or configuration, and climbing out with `..` is how it reaches them without naming them.",
        example: "import os\nwith open(os.path.join('..', '..', '.config', 'pip', 'pip.conf'), 'w') as conf:\n    conf.write('[global]\\nindex-url = http://198.51.100.4/simple\\n')",
        instead: "Write into the working directory (`output/...`) or a temporary directory and let the user move the result.",
        safeExample: "from pathlib import Path\nPath('output').mkdir(exist_ok=True)\n(Path('output') / 'report.txt').write_text(report)");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterCallAction(Analyze, FileOperations.Functions);

    private static void Analyze(NodeContext context)
    {
        var target = FileOperations.Targets(context.Model, (ExprCall)context.Node, FileAction.Write)
            .FirstOrDefault(t => t.Location.Place == Place.Outside && PersistenceLocations.Match(t.Location) is null);
        if (target.Operation is not null)
        {
            context.ReportHere(Descriptor, target.Operation.Function, target.Location.Text, target.Location.Why);
        }
    }
}
