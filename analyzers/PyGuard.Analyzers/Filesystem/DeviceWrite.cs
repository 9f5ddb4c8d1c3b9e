using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Filesystem;

/// <summary>PG705: writing to devices and kernel interfaces.</summary>
public sealed class DeviceWrite : Analyzer
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG705", "Write to /dev or /proc", "{0} writes {1} ({2})",
        RuleCategory.Filesystem, Severity.Error, Confidence.High, 9.0, [73, 749],
        whatItDoes: "Reports writes to `/dev`, `/proc` and `/sys`: block devices, kernel parameters (`/proc/sys/...`), other processes' memory. Writing to `/dev/null`, `/dev/zero`, the standard streams (`/dev/stdout`, `/dev/stderr`, `/dev/fd/*`, `/proc/self/fd/*`) and the terminal is not reported.",
        why: "A write to `/dev/sda` destroys the partition table; one to `/proc/sys/kernel/core_pattern` makes every crash run a program; `/proc/<pid>/mem` rewrites another process. None of it belongs in data-processing code.",
        example: "with open('/dev/sda', 'wb') as disk:\n    disk.write(b'\\x00' * 512)",
        instead: "Write into the working directory. Devices and kernel settings are for the system's administrator.",
        safeExample: "import sys\nprint('done', file=sys.stderr)");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterCallAction(Analyze, FileOperations.Functions);

    private static void Analyze(NodeContext context)
    {
        var target = FileOperations.Targets(context.Model, (ExprCall)context.Node, FileAction.Write)
            .FirstOrDefault(t => t.Location.Place == Place.Device && !IsHarmless(t.Location.Text));
        if (target.Operation is not null)
        {
            context.ReportHere(Descriptor, target.Operation.Function, target.Location.Text, target.Location.Why);
        }
    }

    private static bool IsHarmless(string path) =>
        path is "/dev/null" or "/dev/zero" or "/dev/stdout" or "/dev/stderr" or "/dev/tty" ||
        path.StartsWith("/dev/fd/", StringComparison.Ordinal) || path.StartsWith("/proc/self/fd/", StringComparison.Ordinal);
}
