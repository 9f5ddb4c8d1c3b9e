namespace PyGuard.Cli;

/// <summary>The exit codes of ../shared/CONTRACT.md; docs/cli.md lists them per command.</summary>
public static class ExitCodes
{
    /// <summary><c>scan</c>: every verdict is allow. <c>ast</c>: parsed.</summary>
    public const int Success = 0;

    /// <summary><c>scan</c>: some verdict is review or block. <c>run</c>: the gate refused. <c>ast</c>: syntax error.</summary>
    public const int Findings = 1;

    /// <summary>Usage or input error: unknown option, missing file, unreadable policy.</summary>
    public const int UsageError = 2;

    /// <summary><c>run</c>: the child was stopped at a limit.</summary>
    public const int LimitReached = 124;
}
