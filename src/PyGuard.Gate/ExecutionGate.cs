using System.Collections.Immutable;
using PyGuard.Engine.Model;
using PyGuard.Execution;

namespace PyGuard;

/// <summary>
/// Scans a program, decides from the verdict, and runs what is approved in the sandboxed executor: code whose
/// verdict is <c>block</c> never runs; <c>review</c> runs only when <see cref="GateOptions.AllowReview"/> says
/// so; everything that runs is still confined, because a scan can be fooled and Python cannot be sandboxed
/// from the inside.
/// </summary>
public sealed class ExecutionGate(ICodeScanner scanner, SandboxExecutor? executor = null, GateOptions? defaults = null)
{
    private readonly SandboxExecutor _executor = executor ?? new SandboxExecutor();
    private readonly GateOptions _defaults = defaults ?? GateOptions.Default;

    /// <summary>Scans and, if the verdict allows it, runs <paramref name="source"/>; <paramref name="path"/> names it in findings and tracebacks.</summary>
    public GateRunResult Run(ReadOnlyMemory<byte> source, string path, GateOptions? options = null, CancellationToken cancellationToken = default) =>
        Run(new ExecutionRequest(source, ScriptName(path)), path, options, cancellationToken);

    /// <summary>Scans the request's script and, if the verdict allows it, runs the request (with its files).</summary>
    public GateRunResult Run(ExecutionRequest request, string path, GateOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var effective = options ?? _defaults;
        FileScanResult? scan = null;
        if (!effective.SkipScan)
        {
            scan = scanner.Scan(request.Source, path);
            var findings = scan.ActiveFindings.ToImmutableArray();
            if (scan.Verdict == Verdict.Block)
            {
                return Refused(scan, findings, GateDecision.RefusedBlocked, $"the verdict is block ({Summary(findings)})");
            }

            if (scan.Verdict == Verdict.Review && !effective.AllowReview)
            {
                return Refused(scan, findings, GateDecision.RefusedReview, $"the verdict is review ({Summary(findings)}); allow reviewed code to run it");
            }
        }

        var execution = _executor.Run(request, effective.Execution, cancellationToken);
        return new GateRunResult
        {
            Verdict = scan?.Verdict,
            Decision = execution.Executed ? GateDecision.Ran : GateDecision.RefusedNoSandbox,
            Refusal = execution.Executed ? null : execution.Notes.FirstOrDefault() ?? "no operating-system sandbox is available",
            Scan = scan,
            Findings = scan?.ActiveFindings.ToImmutableArray() ?? [],
            Execution = execution,
        };
    }

    /// <summary>The script's name in the working directory: the file's own name, or main.py for standard input.</summary>
    public static string ScriptName(string path)
    {
        var name = Path.GetFileName(path);
        try
        {
            return name.Length == 0 || name.StartsWith('<') || path == "-" ? "main.py" : new ExecutionRequest(ReadOnlyMemory<byte>.Empty, name).ScriptName;
        }
        catch (ArgumentException)
        {
            return "main.py";
        }
    }

    private static GateRunResult Refused(FileScanResult scan, ImmutableArray<Finding> findings, GateDecision decision, string reason) => new()
    {
        Verdict = scan.Verdict,
        Decision = decision,
        Refusal = reason,
        Scan = scan,
        Findings = findings,
    };

    private static string Summary(ImmutableArray<Finding> findings) => findings.Length switch
    {
        0 => "no findings",
        1 => $"1 finding: {findings[0].RuleId}",
        _ => $"{findings.Length} findings: {string.Join(", ", findings.Select(f => f.RuleId).Distinct().Take(5))}",
    };
}
