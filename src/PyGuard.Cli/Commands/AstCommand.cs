using PyGuard.Cli.CommandLine;
using PyGuard.Syntax;
using PyGuard.Syntax.Dump;

namespace PyGuard.Cli.Commands;

/// <summary>
/// <c>pyguard ast FILE|-</c> [<c>--positions</c>]: prints the tree exactly as CPython 3.13's
/// <c>ast.dump(ast.parse(source))</c> prints it (with <c>--positions</c>, as
/// <c>ast.dump(tree, include_attributes=True)</c>). A syntax error is one line on stderr,
/// <c>path:line:column: Kind: message</c>, and exit code 1.
/// </summary>
internal sealed class AstCommand : ICommand
{
    // A tree as deep as CPython accepts (about 10,000 levels) needs more stack than a default thread has
    // to be dumped recursively; the stack is reserved, not committed, so this costs nothing up front.
    private const int DumpThreadStackBytes = 256 * 1024 * 1024;

    private static readonly IReadOnlySet<string> NoValueOptions = new HashSet<string>();
    private static readonly IReadOnlySet<string> Flags = new HashSet<string> { "--positions" };

    public string Name => "ast";

    public string Summary => "print the syntax tree as CPython 3.13's ast.dump prints it (--positions: with positions)";

    public int Execute(IReadOnlyList<string> args, CommandContext context)
    {
        var parsed = ParsedArguments.Parse(args, NoValueOptions, Flags);
        if (parsed.Operands.Count != 1)
        {
            throw new UsageException("ast takes exactly one FILE, or - for standard input");
        }

        var path = parsed.Operands[0];
        var source = context.ReadInput(path);
        var displayPath = path == "-" ? "<stdin>" : path;
        var positions = parsed.Flag("--positions");

        string? output = null;
        string? failure = null;
        var worker = new Thread(() => (output, failure) = Render(source, displayPath, positions), DumpThreadStackBytes);
        worker.Start();
        worker.Join();

        if (failure is not null)
        {
            context.StandardError.WriteLine(failure);
            return ExitCodes.Findings;
        }

        context.StandardOutput.Write(output);
        context.StandardOutput.Write('\n');
        return ExitCodes.Success;
    }

    private static (string? Output, string? Failure) Render(byte[] source, string displayPath, bool positions)
    {
        var options = new ParseOptions { Version = PythonVersion.Python313, MaxTreeDepth = ParseOptions.CPythonMaxTreeDepth };
        var result = PythonParser.Parse(source, options);
        if (!result.Success)
        {
            var error = result.Error;
            return (null, $"{displayPath}:{error.Line}:{error.Column}: {error.KindName}: {error.Message}");
        }

        try
        {
            return (AstDumper.Dump(result.Tree, positions), null);
        }
        catch (PythonValueException e)
        {
            return (null, $"{displayPath}: ValueError: {e.Message}");
        }
    }
}
