using System.Collections.Concurrent;
using PyGuard.Execution.Host;
using PyGuard.Execution.Interpreters;

namespace PyGuard.Execution.Bootstrap;

/// <summary>
/// bootstrap.py compiled once per interpreter into a marshalled code object. Compiling its source on every
/// start cost about 9 ms, a third of the executor's whole overhead budget; loading the marshalled code
/// costs a tenth of a millisecond. Marshal's format belongs to one Python version, so the interpreter that
/// will run the code compiles it.
/// </summary>
internal static class CompiledBootstrap
{
    /// <summary>The file name given to the code object (what a traceback through the bootstrap shows).</summary>
    public const string CodeName = "<pyguard-bootstrap>";

    private const string CompileScript =
        "import marshal, sys; sys.stdout.buffer.write(marshal.dumps(compile(sys.stdin.buffer.read(), '" + CodeName + "', 'exec', dont_inherit=True)))";

    private static readonly ConcurrentDictionary<string, Lazy<byte[]>> Compiled = new(StringComparer.Ordinal);

    public static byte[] For(PythonInterpreter python) =>
        Compiled.GetOrAdd(python.Executable, executable => new Lazy<byte[]>(() => Compile(executable))).Value;

    /// <summary>The -c program that loads and runs the compiled bootstrap from <paramref name="path"/>.</summary>
    public static string Loader(string path)
    {
        if (path.Contains('\'') || path.Contains('\\') || path.Contains('\n'))
        {
            throw new ExecutionSetupException($"unusable bootstrap path '{path}'");
        }

        return $"import marshal;exec(marshal.loads(open('{path}','rb').read()))";
    }

    private static byte[] Compile(string executable)
    {
        var outcome = CommandProbe.RunBinary(executable, ["-I", "-S", "-c", CompileScript], BootstrapCommand.Source);
        if (outcome.ExitCode != 0 || outcome.Stdout.Length == 0)
        {
            throw new ExecutionSetupException($"'{executable}' could not compile the sandbox bootstrap: {outcome.Stderr.Trim()}");
        }

        return outcome.Stdout;
    }
}
