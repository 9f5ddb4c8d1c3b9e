namespace PyGuard.Cli.Commands;

/// <summary>One subcommand of <c>pyguard</c>.</summary>
public interface ICommand
{
    /// <summary>The word after <c>pyguard</c>.</summary>
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Summary { get; }

    /// <summary>Runs the command and returns its exit code; throws <see cref="CommandLine.UsageException"/> for usage errors.</summary>
    int Execute(IReadOnlyList<string> args, CommandContext context);
}
