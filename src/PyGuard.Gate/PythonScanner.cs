using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PyGuard.Analyzers;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Engine.Pipeline;
using PyGuard.Engine.Policies;

namespace PyGuard;

/// <summary>
/// Scores Python code: findings, a 0-100 risk score and a verdict (allow / review / block) per file.
/// Thread-safe and reusable: create one per policy and share it.
/// </summary>
/// <example>
/// <code>
/// var scanner = new PythonScanner(Policy.Agent);
/// var result = scanner.Scan("import os\nos.system('id')", "snippet.py");
/// if (result.Verdict == Verdict.Block) { ... }
/// </code>
/// </example>
public sealed class PythonScanner : ICodeScanner
{
    private static readonly Lazy<ScanEngine> BuiltInEngine = new(() => new ScanEngine(BuiltInAnalyzers.All));

    private readonly ScanEngine _engine;
    private readonly ILogger _logger;

    /// <summary>A scanner with every built-in rule under <paramref name="policy"/> (the agent policy by default).</summary>
    public PythonScanner(Policy? policy = null, ILogger? logger = null)
        : this(policy ?? Policy.Agent, null, logger)
    {
    }

    /// <summary>A scanner with a chosen set of analyzers, for tests and extensions.</summary>
    public PythonScanner(Policy policy, IEnumerable<Analyzer>? analyzers, ILogger? logger = null)
    {
        Policy = policy;
        _logger = logger ?? NullLogger.Instance;
        _engine = analyzers is null ? BuiltInEngine.Value : new ScanEngine(analyzers, _logger);
    }

    public Policy Policy { get; }

    /// <summary>Every rule this scanner can report, ordered by id.</summary>
    public ImmutableArray<RuleDescriptor> Rules => _engine.Rules;

    /// <summary>Every built-in rule, ordered by id.</summary>
    public static ImmutableArray<RuleDescriptor> BuiltInRules => BuiltInEngine.Value.Rules;

    /// <inheritdoc />
    public FileScanResult Scan(string source, string path = "<snippet>") => _engine.Scan(source, path, Policy);

    /// <inheritdoc />
    public FileScanResult Scan(ReadOnlyMemory<byte> source, string path) => _engine.Scan(source.Span, path, Policy);

    /// <summary>Scans a file from disk; throws <see cref="ScanInputException"/> when it cannot be read.</summary>
    public FileScanResult ScanFile(string path) => Scan(SourceFiles.Read(path), SourceFiles.DisplayPath(path));

    /// <summary>
    /// Scans files and folders (every <c>*.py</c> below a folder, skipping virtual environments unless
    /// <see cref="ScanOptions.IncludeVirtualEnvironments"/> is set), in parallel, results in input order.
    /// </summary>
    public ScanReport ScanPaths(IEnumerable<string> paths, ScanOptions? options = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new ScanOptions();
        var files = SourceFiles.Find(paths, options.IncludeVirtualEnvironments);
        var results = new FileScanResult[files.Count];
        var done = 0;
        Parallel.For(0, files.Count, new ParallelOptions
        {
            MaxDegreeOfParallelism = options.MaxParallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        }, i =>
        {
            results[i] = ScanFileOrReport(files[i]);
            progress?.Report(Interlocked.Increment(ref done));
        });
        return new ScanReport([.. results]);
    }

    /// <summary>Scans a snippet on the thread pool.</summary>
    public Task<FileScanResult> ScanAsync(string source, string path = "<snippet>", CancellationToken cancellationToken = default) =>
        Task.Run(() => Scan(source, path), cancellationToken);

    /// <summary>Scans files and folders on the thread pool.</summary>
    public Task<ScanReport> ScanPathsAsync(IEnumerable<string> paths, ScanOptions? options = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
        Task.Run(() => ScanPaths(paths, options, progress, cancellationToken), cancellationToken);

    private FileScanResult ScanFileOrReport(string path)
    {
        try
        {
            return ScanFile(path);
        }
        catch (ScanInputException e)
        {
            // A file that vanished or became unreadable after discovery: report it, never skip it silently.
            _logger.LogWarning("skipped {Path}: {Reason}", path, e.Message);
            return new FileScanResult(SourceFiles.DisplayPath(path), Verdict.Block, 100,
                [new Finding(EngineRules.SyntaxError, Severity.Error, Confidence.High, EngineRules.SyntaxError.FormatMessage($"cannot read the file: {e.Message}"), new SourceLocation(1, 1, 1, 1))])
            {
                Parsed = false,
            };
        }
    }
}

/// <summary>Options of a multi-file scan.</summary>
public sealed record ScanOptions
{
    /// <summary>Also scan virtual environments and site-packages found under a folder.</summary>
    public bool IncludeVirtualEnvironments { get; init; }

    /// <summary>Files scanned at once; the number of processors when null.</summary>
    public int? MaxParallelism { get; init; }
}

/// <summary>A path that does not exist or cannot be read.</summary>
public sealed class ScanInputException(string message) : Exception(message);
