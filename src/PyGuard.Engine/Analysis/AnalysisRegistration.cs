using System.Collections.Immutable;
using PyGuard.Syntax.Tree;

namespace PyGuard.Engine.Analysis;

/// <summary>Collects an analyzer's callbacks: per node kind, or once per file.</summary>
public sealed class AnalysisRegistration
{
    private readonly List<(NodeKind Kind, Action<NodeContext> Action)> _nodeActions = [];
    private readonly List<Action<FileContext>> _fileActions = [];

    internal AnalysisRegistration(Analyzer analyzer) => Analyzer = analyzer;

    internal Analyzer Analyzer { get; }

    internal IReadOnlyList<(NodeKind Kind, Action<NodeContext> Action)> NodeActions => _nodeActions;

    internal IReadOnlyList<Action<FileContext>> FileActions => _fileActions;

    /// <summary>Calls <paramref name="action"/> for every node of the given kinds, in source order.</summary>
    public void RegisterNodeAction(Action<NodeContext> action, params ImmutableArray<NodeKind> kinds)
    {
        if (kinds.IsEmpty)
        {
            throw new ArgumentException("name at least one node kind", nameof(kinds));
        }

        foreach (var kind in kinds)
        {
            _nodeActions.Add((kind, action));
        }
    }

    /// <summary>Calls <paramref name="action"/> once per file, after the semantic model is built.</summary>
    public void RegisterFileAction(Action<FileContext> action) => _fileActions.Add(action);
}
