namespace PyGuard.Syntax;

/// <summary>How <see cref="PythonParser"/> reads source.</summary>
public sealed record ParseOptions
{
    /// <summary>
    /// The deepest tree the parser returns by default, counting every node on the path from the module
    /// down (the module is 1). Every recursive walk over a returned tree — the dumper, <c>NodeWalker</c>
    /// subclasses, the semantic model — may rely on it. CPython's own bound is about 10,000 and depends on
    /// its C stack; PyGuard's default is lower so a recursive visitor stays well inside a 1 MiB thread
    /// stack. Deeper trees are refused with CPython's RecursionError message.
    /// </summary>
    public const int DefaultMaxTreeDepth = 2000;

    /// <summary>The depth CPython 3.13 accepts when <c>ast.parse</c> is called from a shallow Python stack.</summary>
    public const int CPythonMaxTreeDepth = 9997;

    /// <summary>Python 3.13, default depth limit.</summary>
    public static ParseOptions Default { get; } = new();

    /// <summary>The grammar to accept: 3.13 exactly, or 3.13 plus the 3.14 syntax the scanner reads.</summary>
    public PythonVersion Version { get; init; } = PythonVersion.Python313;

    /// <summary>Trees deeper than this are refused (see <see cref="DefaultMaxTreeDepth"/>).</summary>
    public int MaxTreeDepth { get; init; } = DefaultMaxTreeDepth;
}
