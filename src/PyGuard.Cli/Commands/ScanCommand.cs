using System.Collections.Frozen;
using System.Text;
using PyGuard.Cli.CommandLine;
using PyGuard.Cli.Output;
using PyGuard.Engine.Model;
using PyGuard.Reporting;

namespace PyGuard.Cli.Commands;

/// <summary>
/// <c>pyguard scan PATH... | -</c>: scans files, folders and standard input, prints a report, and exits
/// 0 when every verdict is allow, 1 when any is review or block, 2 on a usage or input error.
/// </summary>
public sealed class ScanCommand : ICommand
{
    private static readonly FrozenSet<string> ValueOptions = FrozenSet.ToFrozenSet(["--format", "--output", "--policy", "--baseline"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> FlagOptions = FrozenSet.ToFrozenSet(["--include-venv", "--no-progress"], StringComparer.Ordinal);

    public string Name => "scan";

    public string Summary => "scan files, folders (every *.py below them) or standard input (-)";

    public int Execute(IReadOnlyList<string> args, CommandContext context)
    {
        var parsed = ParsedArguments.Parse(args, ValueOptions, FlagOptions);
        if (parsed.Operands.Count == 0)
        {
            throw new UsageException("scan needs at least one path, or - for standard input");
        }

        var format = ReportFormats.Parse(parsed.Value("--format") ?? "text");
        var baseline = BaselineOption.Load(parsed.Value("--baseline"), format);
        var policy = PolicyResolver.Resolve(parsed.Value("--policy"), parsed.Operands[0], discover: true);
        var scanner = new PythonScanner(policy);
        var sources = new SourceLineCache();

        var files = new List<FileScanResult>();
        var paths = new List<string>();
        foreach (var operand in parsed.Operands)
        {
            if (operand == "-")
            {
                var bytes = context.ReadInput("-");
                sources.AddStandardInput(bytes);
                files.Add(scanner.Scan(bytes, "<stdin>"));
            }
            else
            {
                paths.Add(operand);
            }
        }

        if (paths.Count > 0)
        {
            List<string> found;
            try
            {
                found = SourceFiles.Find(paths, parsed.Flag("--include-venv"));
            }
            catch (ScanInputException e)
            {
                throw new UsageException(e.Message);
            }

            using var progress = ProgressBar.Create(context.StandardError, found.Count, parsed.Flag("--no-progress"));
            var report = scanner.ScanPaths(found, new ScanOptions { IncludeVirtualEnvironments = true }, progress);
            files.AddRange(report.Files);
        }

        var result = new ScanReport([.. files]);
        ReportWriter.Write(result, format, parsed.Value("--output"), baseline, scanner, sources, context);
        return result.Verdict == Verdict.Allow ? ExitCodes.Success : ExitCodes.Findings;
    }
}
