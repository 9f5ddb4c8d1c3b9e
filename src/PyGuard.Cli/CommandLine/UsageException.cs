namespace PyGuard.Cli.CommandLine;

/// <summary>
/// A usage or input error: printed as one line on stderr, exit code 2, nothing else written.
/// </summary>
public sealed class UsageException(string message) : Exception(message);
