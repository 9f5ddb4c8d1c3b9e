using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Filesystem;

/// <summary>PG701: deleting or moving away files outside the working directory.</summary>
public sealed class DestructiveFileOperation : Analyzer
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG701", "Deleting or moving files outside the working directory", "{0} {1} {2}",
        RuleCategory.Filesystem, Severity.Error, Confidence.High, 8.5, [73, 22],
        whatItDoes: "Reports `shutil.rmtree`, `os.remove`/`unlink`/`rmdir`/`removedirs`, `Path.unlink`/`rmdir`, and the source of `os.rename`/`replace`, `shutil.move` and `Path.rename`/`replace`, when the path is in the home directory, absolute, in the interpreter's directories or climbs out with `..` — including every path a glob or `os.walk` over such a place yields. Deleting the shared temporary directory itself or everything in it, or the whole working directory, is a warning. Relative paths inside the working directory, and temporary files and directories the code created itself (`mkstemp`, `mkdtemp`, `TemporaryDirectory`), are not reported.",
        why: "Deletion cannot be undone: one `rmtree` of the home directory or a glob over it destroys the user's work, keys and configuration. Code written for a task in a working directory has no business removing anything outside it.",
        example: "import os, shutil\nshutil.rmtree(os.path.expanduser('~'), ignore_errors=True)",
        instead: "Work in the working directory or in a temporary directory you create (`tempfile.mkdtemp()`), and delete only what you created there.",
        safeExample: "import shutil, tempfile\nscratch = tempfile.mkdtemp()\ntry:\n    ...\nfinally:\n    shutil.rmtree(scratch)",
        "https://docs.python.org/3/library/shutil.html#shutil.rmtree");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterCallAction(Analyze, FileOperations.Functions);

    private static void Analyze(NodeContext context)
    {
        foreach (var (operation, location) in FileOperations.Targets(context.Model, (ExprCall)context.Node, FileAction.Delete, FileAction.MoveAway))
        {
            var (severity, what) = Judge(location, operation);
            if (what is not null)
            {
                var verb = operation.Action == FileAction.Delete ? "deletes" : "moves away";
                context.Report(Descriptor, context.Node.Span, severity, null, operation.Function, verb, what);
                return;
            }
        }
    }

    private static (Severity? Severity, string? What) Judge(PathLocation location, FileOperation operation)
    {
        var target = location.IsPattern ? $"every path matching {location.Text}" : location.Text;
        return location.Place switch
        {
            Place.Outside or Place.Device => (null, $"{target} ({location.Why})"),
            Place.SharedTemporary when location.IsWholePlace || location.IsPattern => (Severity.Warning, $"{target} (the shared temporary directory, with other programs' files)"),
            Place.WorkingDirectory when location.IsWholePlace && operation.Function == "shutil.rmtree" => (Severity.Warning, "the whole working directory"),
            _ => (null, null),
        };
    }
}
