namespace PyGuard.Cli.Commands;

/// <summary>
/// Builds the scanner a command uses from its <c>--policy</c> value (<c>agent</c>, <c>audit</c> or a TOML
/// file) and the scanned path (a policy file is searched upward from it). Commands receive it from
/// <see cref="CliApplication"/> so tests can substitute a scanner.
/// </summary>
public delegate ICodeScanner ScannerFactory(string? policyOption, string scanRoot);
