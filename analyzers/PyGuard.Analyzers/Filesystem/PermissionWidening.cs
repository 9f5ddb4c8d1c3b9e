using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics;
using PyGuard.Semantics.DataFlow;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Filesystem;

/// <summary>PG703: chmod and chown that open files up to others.</summary>
public sealed class PermissionWidening : Analyzer
{
    private const int SetIdBits = 0xC00;
    private const int WritableByOthers = 0x12;
    private const int ReadableByOthers = 0x24;

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG703", "Permissions widened", "{0} {1}",
        RuleCategory.Filesystem, Severity.Error, Confidence.High, 8.0, [732, 276],
        whatItDoes: "Reports `os.chmod`, `os.lchmod` and `Path.chmod` whose mode sets the setuid or setgid bit or makes the file writable by its group or by everyone (`0o777`, `0o666`, `stat.S_IWOTH`...), or makes a private key or credential file readable by others; bits added with `|` to an unknown mode count too. `os.chown`, `os.lchown` and `shutil.chown` are reported as giving files away: a warning inside the working directory, an error outside it. Restricting permissions (`0o600`, `0o700`) and ordinary modes such as `0o644` or `0o755` are not reported.",
        why: "A world-writable file lets any user or process on the machine change what the user runs or reads; a setuid copy of a shell is a root shell left behind; a private key readable by everyone is a key given away. Changing owners hands files to someone else.",
        example: "import os\nos.chmod(os.path.expanduser('~/.ssh/id_rsa'), 0o666)",
        instead: "Leave permissions as they are, or restrict them to the owner (`0o600` for files, `0o700` for directories).",
        safeExample: "import os, stat\nos.chmod('token_cache.json', stat.S_IRUSR | stat.S_IWUSR)",
        "https://docs.python.org/3/library/os.html#os.chmod");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterCallAction(Analyze, FileOperations.Functions);

    private static void Analyze(NodeContext context)
    {
        var model = context.Model;
        foreach (var operation in FileOperations.Of(model, (ExprCall)context.Node))
        {
            var target = PathLocations.Of(model, operation.Path).FirstOrDefault();
            var name = target?.Text ?? "a file";
            if (operation is { Action: FileAction.Chmod, Detail: { } mode } && SetBits(model, mode) is { } bits &&
                Widening(bits, IsSensitive(model, operation.Path)) is { } what)
            {
                context.ReportHere(Descriptor, operation.Function, $"{string.Format(CultureInfo.InvariantCulture, what, name)} (mode 0o{Convert.ToString(bits, 8)})");
                return;
            }

            if (operation.Action == FileAction.Chown && !IsUnchanged(model, operation.Detail))
            {
                var severity = target?.Place is Place.Outside or Place.Device ? (Severity?)null : Severity.Warning;
                context.Report(Descriptor, context.Node.Span, severity, null, operation.Function, $"gives {name} to another owner");
                return;
            }
        }
    }

    /// <summary>What a mode does that widens access, as a format of the file's name, or null.</summary>
    private static string? Widening(int bits, bool sensitive) =>
        (bits & SetIdBits) != 0 ? "sets the setuid/setgid bit on {0}" :
        (bits & WritableByOthers) != 0 ? "makes {0} writable by others" :
        sensitive && (bits & ReadableByOthers) != 0 ? "makes the credential file {0} readable by others" : null;

    /// <summary>The bits a mode certainly sets: its value when known, else the known operands of a <c>|</c>.</summary>
    private static int? SetBits(SemanticModel model, Expr mode)
    {
        if (model.ConstantOf(mode) is PyInt known && known.Value >= 0 && known.Value <= 0xFFFF)
        {
            return (int)known.Value;
        }

        if (mode is ExprBinOp { Op: Operator.BitOr } or)
        {
            var left = SetBits(model, or.Left);
            var right = SetBits(model, or.Right);
            return left is null && right is null ? null : (left ?? 0) | (right ?? 0);
        }

        return null;
    }

    private static bool IsSensitive(SemanticModel model, Expr path) =>
        model.ValueOf(path).Items.Any(v => SensitiveFiles.Match(v) is { IsPublicRecord: false });

    /// <summary>chown(path, -1, -1) changes nothing.</summary>
    private static bool IsUnchanged(SemanticModel model, Expr? owner) =>
        owner is not null && model.ConstantOf(owner) is PyInt { Value: var value } && value == BigInteger.MinusOne;
}
