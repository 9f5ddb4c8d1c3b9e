using PyGuard.Cli.Commands;
using PyGuard.Cli.CommandLine;

namespace PyGuard.Cli;

/// <summary>
/// Dispatches <c>pyguard COMMAND ...</c> to its command. Usage errors become one line on stderr and exit
/// code 2; an unexpected exception is reported the same way rather than as a stack trace, so a caller
/// never mistakes a crash for a verdict.
/// </summary>
public static class CliApplication
{
    private static readonly ICommand[] Commands =
    [
        new ScanCommand(),
        new RunCommand(PolicyResolver.GateScanner),
        new RulesCommand(),
        new AstCommand(),
    ];

    public static int Run(IReadOnlyList<string> args, Stream stdin, TextWriter stdout, TextWriter stderr)
    {
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            var usage = Usage();
            (args.Count == 0 ? stderr : stdout).Write(usage);
            return args.Count == 0 ? ExitCodes.UsageError : ExitCodes.Success;
        }

        if (args[0] == "--version")
        {
            stdout.WriteLine($"pyguard {typeof(CliApplication).Assembly.GetName().Version?.ToString(3)}");
            return ExitCodes.Success;
        }

        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            stderr.WriteLine($"pyguard: error: unknown command '{args[0]}' (commands: {string.Join(", ", Commands.Select(c => c.Name))})");
            return ExitCodes.UsageError;
        }

        var context = new CommandContext(stdin, stdout, stderr);
        try
        {
            return command.Execute(args.Skip(1).ToArray(), context);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"pyguard: error: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stderr.WriteLine($"pyguard: internal error: {e.GetType().Name}: {OneLine(e.Message)}");
            return ExitCodes.UsageError;
        }
        finally
        {
            stdout.Flush();
            stderr.Flush();
        }
    }

    private static string Usage()
    {
        var lines = new List<string> { "usage: pyguard COMMAND [OPTIONS] ...", "", "commands:" };
        lines.AddRange(Commands.Select(c => $"  {c.Name,-8} {c.Summary}"));
        lines.Add("");
        lines.Add("See docs/cli.md for options and exit codes.");
        return string.Join('\n', lines) + "\n";
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
