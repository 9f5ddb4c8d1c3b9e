using PyGuard.Syntax.Text;

namespace PyGuard.Syntax.Tree;

/// <summary>
/// A node of the syntax tree. The concrete classes (generated into <c>Generated/Nodes.g.cs</c>) mirror
/// CPython 3.13's <c>ast</c> classes one for one, with the same fields in the same order. Nodes are
/// immutable once their tree is built; numbering the tree (<see cref="Number"/>) gives each its parent and its index.
/// </summary>
public abstract class Node
{
    protected Node(TextSpan span) => Span = span;

    /// <summary>The node's extent in the decoded source, as CPython's (lineno, col_offset, end_lineno, end_col_offset).</summary>
    public TextSpan Span { get; }

    /// <summary>
    /// The number of nodes on the longest path from this node down to a leaf (a leaf has 1), set by the
    /// generated constructors. The parser refuses trees whose root is higher than
    /// <see cref="ParseOptions.MaxTreeDepth"/>, so recursive walks can rely on the bound.
    /// </summary>
    public int Height { get; private protected set; }

    /// <summary>
    /// The node's position in a pre-order walk of its tree (the root is 0), set when the parser builds the
    /// <see cref="SyntaxTree"/>; -1 for a node made outside a parse. Per-node tables of the analysis are
    /// arrays indexed by it instead of dictionaries hashed on every lookup.
    /// </summary>
    public int Index { get; private set; } = -1;

    /// <summary>The node this one is a direct child of: null for the root and for a node made outside a parse.</summary>
    public Node? Parent { get; private set; }

    /// <summary>
    /// Gives this node and every node under it their parent and pre-order index, this node taking
    /// <paramref name="next"/>, and returns the index after the last one given. Called once per tree, when
    /// the parser builds the <see cref="SyntaxTree"/>; the parser bounds the tree's height, so the recursion
    /// is bounded too.
    /// </summary>
    internal int Number(Node? parent, int next)
    {
        Parent = parent;
        Index = next;
        return NumberChildren(next + 1);
    }

    /// <summary>Numbers the direct children in field order (as <see cref="VisitChildren"/> visits them), each with its subtree.</summary>
    internal abstract int NumberChildren(int next);

    /// <summary>The greatest height among a list's nodes (absent elements count 0).</summary>
    private protected static int MaxHeight<T>(System.Collections.Immutable.ImmutableArray<T> nodes) where T : Node?
    {
        var height = 0;
        if (nodes.IsDefault)
        {
            return height;
        }

        foreach (var node in nodes)
        {
            if (node is not null && node.Height > height)
            {
                height = node.Height;
            }
        }

        return height;
    }

    /// <summary>The concrete class of this node.</summary>
    public abstract NodeKind Kind { get; }

    /// <summary>The name of the matching CPython <c>ast</c> class, as <c>ast.dump</c> prints it.</summary>
    public abstract string PythonName { get; }

    /// <summary>
    /// Whether CPython records positions for this class. <c>mod</c>, <c>comprehension</c>,
    /// <c>arguments</c>, <c>withitem</c>, <c>match_case</c> and <c>type_ignore</c> have none there; their
    /// <see cref="Span"/> is still filled in here for the convenience of analyzers.
    /// </summary>
    public virtual bool HasPositions => true;

    public abstract void Accept(NodeVisitor visitor);

    public abstract TResult Accept<TResult>(NodeVisitor<TResult> visitor);

    /// <summary>Visits the direct children in field order.</summary>
    public abstract void VisitChildren(NodeVisitor visitor);

    internal abstract void DumpFields(IAstFieldWriter writer);

    /// <summary>Nodes are equal only to themselves (reference equality is not overridden).</summary>
    public sealed override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <summary>
    /// A hash from the node's position and kind. The semantic model keys large tables by node; the default
    /// identity hash must be created in the object header on first use, which profiling showed to cost
    /// more than the lookups themselves. Two distinct nodes with the same span and kind only share a bucket.
    /// </summary>
    public sealed override int GetHashCode() => HashCode.Combine(Span.Start, Span.End, (int)Kind);
}

/// <summary>CPython's <c>ast.mod</c>: the root of a parse.</summary>
public abstract class Mod(TextSpan span) : Node(span);

/// <summary>CPython's <c>ast.stmt</c>.</summary>
public abstract class Stmt(TextSpan span) : Node(span);

/// <summary>CPython's <c>ast.expr</c>.</summary>
public abstract class Expr(TextSpan span) : Node(span);

/// <summary>CPython's <c>ast.pattern</c>, used by <c>match</c> statements.</summary>
public abstract class Pattern(TextSpan span) : Node(span);

/// <summary>CPython's <c>ast.type_param</c> (PEP 695).</summary>
public abstract class TypeParam(TextSpan span) : Node(span);
