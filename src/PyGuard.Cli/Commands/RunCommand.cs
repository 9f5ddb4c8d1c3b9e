using System.Globalization;
using System.Text;
using PyGuard.Cli.CommandLine;
using PyGuard.Engine.Model;
using PyGuard.Execution;

namespace PyGuard.Cli.Commands;

/// <summary>
/// <c>pyguard run FILE|-</c>: scan with the chosen policy, then run the code in the sandboxed executor if the
/// verdict allows it (docs/executor.md). Exit codes: the program's own when it ran; 1 when the gate refused
/// it; 2 for usage and input errors; 124 when the program was stopped at a limit.
/// </summary>
public sealed class RunCommand(ScannerFactory scannerFactory) : ICommand
{
    private static readonly HashSet<string> ValueOptions = ["--format", "--output", "--policy", "--timeout", "--memory"];
    private static readonly HashSet<string> FlagOptions = ["--allow-review", "--skip-scan", "--require-sandbox"];

    /// <summary>The interpreter to run code with, when set; otherwise python3 on PATH.</summary>
    public const string InterpreterVariable = "PYGUARD_PYTHON";

    private readonly SandboxExecutor _executor = new();

    public string Name => "run";

    public string Summary => "scan, then run the code in the sandbox if the verdict allows it";

    public int Execute(IReadOnlyList<string> args, CommandContext context)
    {
        var parsed = ParsedArguments.Parse(args, ValueOptions, FlagOptions);
        if (parsed.Operands.Count != 1)
        {
            throw new UsageException(parsed.Operands.Count == 0 ? "run needs a file (or - for standard input)" : "run takes one file");
        }

        var format = parsed.Value("--format") ?? "text";
        if (format is not ("text" or "json"))
        {
            throw new UsageException($"run supports --format text or json, not '{format}'");
        }

        var options = GateOptions(parsed);
        var path = parsed.Operands[0];
        var source = context.ReadInput(path);
        var displayPath = path == "-" ? "<stdin>" : path;
        if (options.SkipScan)
        {
            context.StandardError.WriteLine("pyguard: warning: --skip-scan: running without the static gate");
        }

        GateRunResult result;
        try
        {
            var scanner = options.SkipScan ? NoScanner.Instance : scannerFactory(parsed.Value("--policy"), ScanRoot(path));
            result = new ExecutionGate(scanner, _executor).Run(source, displayPath, options);
        }
        catch (ExecutionSetupException e)
        {
            throw new UsageException(e.Message);
        }

        var file = parsed.Value("--output");
        var output = file is null ? context.StandardOutput : OpenFile(file);
        try
        {
            if (format == "json")
            {
                output.Write(GateRunResultJson.ToJson(result));
                output.Write('\n');
            }
            else
            {
                WriteText(result, displayPath, output, context.StandardError);
            }
        }
        finally
        {
            if (file is not null)
            {
                output.Dispose();
            }
        }

        return ExitCode(result);
    }

    /// <summary>The contract's exit code for a result.</summary>
    public static int ExitCode(GateRunResult result) => result switch
    {
        { Executed: false } => ExitCodes.Findings,
        { StoppedBy: not null } => ExitCodes.LimitReached,
        _ => result.ExitCode ?? ExitCodes.Findings,
    };

    private static GateOptions GateOptions(ParsedArguments parsed)
    {
        var execution = new ExecutionOptions
        {
            Interpreter = Environment.GetEnvironmentVariable(InterpreterVariable) is { Length: > 0 } python ? python : null,
            RequireSandbox = parsed.Flag("--require-sandbox"),
        };
        if (parsed.Value("--timeout") is { } timeout)
        {
            if (!double.TryParse(timeout, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds > 0) || seconds > 86400)
            {
                throw new UsageException($"--timeout takes seconds between 0 and 86400, not '{timeout}'");
            }

            execution = execution with { WallTimeout = TimeSpan.FromSeconds(seconds) };
        }

        if (parsed.Value("--memory") is { } memory)
        {
            if (!long.TryParse(memory, NumberStyles.None, CultureInfo.InvariantCulture, out var megabytes) || megabytes is < 32 or > 1L << 20)
            {
                throw new UsageException($"--memory takes megabytes between 32 and 1048576, not '{memory}'");
            }

            execution = execution with { MemoryBytes = megabytes << 20 };
        }

        return new GateOptions
        {
            AllowReview = parsed.Flag("--allow-review"),
            SkipScan = parsed.Flag("--skip-scan"),
            Execution = execution,
        };
    }

    private static string ScanRoot(string path) =>
        path == "-" ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();

    private static StreamWriter OpenFile(string file)
    {
        try
        {
            return new StreamWriter(file, append: false, new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write '{file}': {e.Message}");
        }
    }

    /// <summary>
    /// Text. Refused: the findings on the output, the reason on standard error. Ran: the program's standard
    /// output on the output exactly as written, and on standard error the program's own, then the findings (of
    /// reviewed code) and PyGuard's lines (stop reason, isolation, notes), prefixed "pyguard:".
    /// </summary>
    private static void WriteText(GateRunResult result, string path, TextWriter output, TextWriter errors)
    {
        if (!result.Executed)
        {
            WriteFindings(result, path, output);
            errors.WriteLine($"pyguard: not run: {result.Refusal}");
            return;
        }

        output.Write(result.Stdout);
        output.Flush();
        errors.Write(result.Stderr);
        WriteFindings(result, path, errors);
        if (result.StdoutTruncated || result.StderrTruncated)
        {
            errors.WriteLine($"pyguard: output truncated ({(result.StdoutTruncated ? "stdout" : "stderr")} reached its limit)");
        }

        var ending = result.StoppedBy is { } stop ? $"stopped: {stop.ToName()}" : $"exit {result.ExitCode}";
        errors.WriteLine($"pyguard: {ending} after {result.Duration.TotalMilliseconds:F0} ms; isolation: {string.Join(", ", result.Isolation)}");
        foreach (var note in result.Execution?.Notes ?? [])
        {
            errors.WriteLine($"pyguard: {note}");
        }
    }

    private static void WriteFindings(GateRunResult result, string path, TextWriter writer)
    {
        foreach (var finding in result.Findings)
        {
            var location = finding.Location;
            writer.WriteLine($"{path}:{location.Line}:{location.Column}: {finding.Severity.ToName()} {finding.RuleId} {finding.Message}");
        }
    }

    /// <summary>Used with --skip-scan, where no scan happens; never called.</summary>
    private sealed class NoScanner : ICodeScanner
    {
        public static readonly NoScanner Instance = new();

        public FileScanResult Scan(ReadOnlyMemory<byte> source, string path) => throw new InvalidOperationException("the scan was skipped");

        public FileScanResult Scan(string source, string path) => throw new InvalidOperationException("the scan was skipped");
    }
}
