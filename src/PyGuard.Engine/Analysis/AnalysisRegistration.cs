using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Syntax.Tree;

namespace PyGuard.Engine.Analysis;

/// <summary>
/// A node callback. One with <see cref="Names"/> is called only for the nodes those names admit: for a
/// call (<see cref="NodeKind.ExprCall"/>) the callee's qualified names, for an attribute
/// (<see cref="NodeKind.ExprAttribute"/>) the attribute's own name.
/// </summary>
internal readonly record struct NodeAction(NodeKind Kind, Action<NodeContext> Action, FrozenSet<string>? Names);

/// <summary>Collects an analyzer's callbacks: per node kind, per callee, or once per file.</summary>
public sealed class AnalysisRegistration
{
    private readonly List<NodeAction> _nodeActions = [];
    private readonly List<Action<FileContext>> _fileActions = [];
    private readonly List<Action<FileContext>> _fileEndActions = [];
    private readonly List<Func<FileContext, bool>> _nodeActionConditions = [];

    internal AnalysisRegistration(Analyzer analyzer) => Analyzer = analyzer;

    internal Analyzer Analyzer { get; }

    internal IReadOnlyList<NodeAction> NodeActions => _nodeActions;

    internal IReadOnlyList<Action<FileContext>> FileActions => _fileActions;

    internal IReadOnlyList<Action<FileContext>> FileEndActions => _fileEndActions;

    internal IReadOnlyList<Func<FileContext, bool>> NodeActionConditions => _nodeActionConditions;

    /// <summary>Calls <paramref name="action"/> for every node of the given kinds, in source order.</summary>
    public void RegisterNodeAction(Action<NodeContext> action, params ImmutableArray<NodeKind> kinds)
    {
        if (kinds.IsEmpty)
        {
            throw new ArgumentException("name at least one node kind", nameof(kinds));
        }

        foreach (var kind in kinds)
        {
            _nodeActions.Add(new NodeAction(kind, action, null));
        }
    }

    /// <summary>
    /// Calls <paramref name="action"/>, in source order, for the calls whose callee may be one of
    /// <paramref name="callees"/> as the semantic model names it (<see cref="Semantics.SemanticModel.CalleeNames"/>).
    /// For a rule that has nothing to say about any other call, this is the node action for
    /// <see cref="NodeKind.ExprCall"/> made cheap: the walk looks a call's names up once for every such
    /// rule, and most calls concern none of them.
    /// </summary>
    public void RegisterCallAction(Action<NodeContext> action, IEnumerable<string> callees)
    {
        var names = callees.ToFrozenSet(StringComparer.Ordinal);
        if (names.Count == 0)
        {
            throw new ArgumentException("name at least one callee", nameof(callees));
        }

        _nodeActions.Add(new NodeAction(NodeKind.ExprCall, action, names));
    }

    /// <summary>
    /// Calls <paramref name="action"/>, in source order, for the attribute nodes (<c>value.name</c>, read,
    /// written or deleted) whose name is one of <paramref name="attributes"/>. For a rule about particular
    /// attributes (<c>__globals__</c>, <c>f_back</c>), this is the node action for
    /// <see cref="NodeKind.ExprAttribute"/> without a callback on every other attribute of the file.
    /// </summary>
    public void RegisterAttributeAction(Action<NodeContext> action, IEnumerable<string> attributes)
    {
        var names = attributes.ToFrozenSet(StringComparer.Ordinal);
        if (names.Count == 0)
        {
            throw new ArgumentException("name at least one attribute", nameof(attributes));
        }

        _nodeActions.Add(new NodeAction(NodeKind.ExprAttribute, action, names));
    }

    /// <summary>Calls <paramref name="action"/> once per file, after the semantic model is built.</summary>
    public void RegisterFileAction(Action<FileContext> action) => _fileActions.Add(action);

    /// <summary>
    /// Calls <paramref name="action"/> once per file after the walk, every node callback done: for a rule
    /// that judges the file by what its node callbacks gathered (in <see cref="FileContext.FileState{T}"/>)
    /// instead of walking the tree again itself.
    /// </summary>
    public void RegisterFileEndAction(Action<FileContext> action) => _fileEndActions.Add(action);

    /// <summary>
    /// Runs this analyzer's node and call callbacks only in files for which <paramref name="applies"/> is
    /// true (every condition registered, when there are several), asked once per file before the walk. For
    /// a rule that can only fire when the file as a whole has some property (a non-ASCII character, say),
    /// this spares the walk a callback on every node of every other file. File actions are not affected.
    /// </summary>
    public void RunNodeActionsOnlyIf(Func<FileContext, bool> applies) => _nodeActionConditions.Add(applies);
}
