using System.Collections.Immutable;

using PyGuard.Syntax.Text;
using PyGuard.Syntax.Tree;

namespace PyGuard.Syntax;

/// <summary>
/// A parsed module: the tree, the decoded source it came from (analyzers compare a name's spelling in
/// the source with its NFKC-normalised identifier), and every comment (suppression comments live there).
/// Immutable and safe to share between threads.
/// </summary>
public sealed class SyntaxTree
{
    internal SyntaxTree(
        SourceText text, ModModule root, ImmutableArray<Comment> comments, string? encoding, PythonVersion version,
        IReadOnlyDictionary<ExprConstant, int[]>? splitSurrogates)
    {
        Text = text;
        Root = root;
        Comments = comments;
        Encoding = encoding;
        Version = version;
        SplitSurrogates = splitSurrogates;
        NodeCount = root.Number(null, 0);
    }

    /// <summary>How many nodes the tree has: every node's <see cref="Node.Index"/> is below it.</summary>
    public int NodeCount { get; }

    public SourceText Text { get; }

    public ModModule Root { get; }

    /// <summary>Every comment, in source order.</summary>
    public ImmutableArray<Comment> Comments { get; }

    /// <summary>
    /// The encoding the source declared: its PEP 263 coding cookie as CPython normalises it ("utf-8",
    /// "iso-8859-1", "cp1252"...), "utf-8" for a byte order mark alone, null when nothing was declared
    /// (and for text given as a string).
    /// </summary>
    public string? Encoding { get; }

    /// <summary>The grammar the tree was parsed with.</summary>
    public PythonVersion Version { get; }

    /// <summary>
    /// Python str values can hold lone surrogates ("\ud800\udc00" written as two escapes is two code points
    /// in Python); .NET strings cannot tell such a pair from the character U+10000. For the rare constant
    /// where that happens, this lists the indices of the pairs that Python keeps apart.
    /// </summary>
    internal IReadOnlyDictionary<ExprConstant, int[]>? SplitSurrogates { get; }
}
