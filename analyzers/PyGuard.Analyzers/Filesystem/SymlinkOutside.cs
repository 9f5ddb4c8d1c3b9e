using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Filesystem;

/// <summary>PG704: links that point out of the working directory.</summary>
public sealed class SymlinkOutside : Analyzer
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG704", "Symlink pointing outside the working directory", "{0} links {1} to {2} ({3})",
        RuleCategory.Filesystem, Severity.Error, Confidence.High, 7.5, [59, 61],
        whatItDoes: "Reports `os.symlink`, `os.link`, `Path.symlink_to` and `Path.hardlink_to` whose target is in the home directory, an absolute path, a device or kernel file, or climbs out with `..`. Links to temporary files and within the working directory are not reported.",
        why: "A link is a trap for whoever touches it next: a report replaced by a link to `/etc/shadow` leaks it when the report is copied or uploaded, and a link to the home directory inside the working directory makes a later clean-up of the working directory delete the user's files.",
        example: "import os\nos.symlink('/etc/shadow', 'output/report.txt')",
        instead: "Copy the data you need into the working directory instead of linking to it.",
        safeExample: "import shutil\nshutil.copy('inputs/raw.csv', 'output/raw.csv')");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterCallAction(Analyze, FileOperations.Functions);

    private static void Analyze(NodeContext context)
    {
        var model = context.Model;
        foreach (var operation in FileOperations.Of(model, (ExprCall)context.Node))
        {
            if (operation is not { Action: FileAction.Link, Detail: { } target })
            {
                continue;
            }

            foreach (var location in PathLocations.Of(model, target))
            {
                if (location.Place is Place.Outside or Place.Device)
                {
                    var link = PathLocations.Of(model, operation.Path).FirstOrDefault()?.Text ?? "a link";
                    context.ReportHere(Descriptor, operation.Function, link, location.Text, location.Why);
                    return;
                }
            }
        }
    }
}
