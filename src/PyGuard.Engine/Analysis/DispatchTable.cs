using System.Collections.Frozen;
using PyGuard.Syntax.Tree;

namespace PyGuard.Engine.Analysis;

/// <summary>
/// One callback of the walk: the analyzer's slot (below <see cref="DispatchTable.AnalyzerCount"/>), the
/// analyzer, the callback, and the filter a node must pass for it (a call's callee names or an
/// attribute's name; below <see cref="DispatchTable.FilterCount"/>; -1 for none).
/// </summary>
internal readonly record struct Dispatch(int Slot, Analyzer Analyzer, Action<NodeContext> Action, int Filter);

/// <summary>Callbacks indexed by node kind, and the name filters of call and attribute callbacks, built once from every analyzer's registration.</summary>
internal sealed class DispatchTable
{
    private readonly Dispatch[][] _byKind;

    /// <summary>For each callee name some filter names, every filter that it passes.</summary>
    private readonly FrozenDictionary<string, int[]> _filtersByCallee;

    /// <summary>For each attribute name some filter names, every filter that it passes.</summary>
    private readonly FrozenDictionary<string, int[]> _filtersByAttribute;

    public DispatchTable(IReadOnlyList<AnalysisRegistration> registrations)
    {
        var kinds = Enum.GetValues<NodeKind>();
        var lists = new List<Dispatch>[kinds.Max(k => (int)k) + 1];
        var filtersByCallee = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var filtersByAttribute = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var fileActions = new List<(Analyzer, Action<FileContext>)>();
        var fileEndActions = new List<(Analyzer, Action<FileContext>)>();
        var conditions = new List<(int, Analyzer, Func<FileContext, bool>)>();
        for (var slot = 0; slot < registrations.Count; slot++)
        {
            var registration = registrations[slot];
            foreach (var (kind, action, names) in registration.NodeActions)
            {
                var filter = -1;
                if (names is not null)
                {
                    filter = FilterCount++;
                    var byName = kind == NodeKind.ExprCall ? filtersByCallee : filtersByAttribute;
                    foreach (var name in names)
                    {
                        (byName.TryGetValue(name, out var filters) ? filters : byName[name] = []).Add(filter);
                    }
                }

                (lists[(int)kind] ??= []).Add(new Dispatch(slot, registration.Analyzer, action, filter));
            }

            fileActions.AddRange(registration.FileActions.Select(a => (registration.Analyzer, a)));
            fileEndActions.AddRange(registration.FileEndActions.Select(a => (registration.Analyzer, a)));
            conditions.AddRange(registration.NodeActionConditions.Select(c => (slot, registration.Analyzer, c)));
        }

        _byKind = [.. lists.Select(l => l?.ToArray() ?? [])];
        _filtersByCallee = filtersByCallee.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _filtersByAttribute = filtersByAttribute.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        FileActions = [.. fileActions];
        FileEndActions = [.. fileEndActions];
        NodeActionConditions = [.. conditions];
        Analyzers = [.. registrations.Select(r => r.Analyzer)];
    }

    /// <summary>The analyzers by slot.</summary>
    public Analyzer[] Analyzers { get; }

    /// <summary>How many analyzers registered; each has a slot below this number.</summary>
    public int AnalyzerCount => Analyzers.Length;

    /// <summary>How many call and attribute callbacks have a name filter; each filter has a number below this one.</summary>
    public int FilterCount { get; }

    public (Analyzer Analyzer, Action<FileContext> Action)[] FileActions { get; }

    public (Analyzer Analyzer, Action<FileContext> Action)[] FileEndActions { get; }

    /// <summary>The per-file conditions of analyzers whose node callbacks run only in some files, with their slots.</summary>
    public (int Slot, Analyzer Analyzer, Func<FileContext, bool> Applies)[] NodeActionConditions { get; }

    public Dispatch[] For(NodeKind kind) => _byKind[(int)kind];

    /// <summary>The filters that a call whose callee may be <paramref name="callee"/> passes.</summary>
    public int[] FiltersPassedByCallee(string callee) => _filtersByCallee.TryGetValue(callee, out var filters) ? filters : [];

    /// <summary>The filters that an attribute named <paramref name="attribute"/> passes.</summary>
    public int[] FiltersPassedByAttribute(string attribute) => _filtersByAttribute.TryGetValue(attribute, out var filters) ? filters : [];

    /// <summary>Whether some callback filters attributes by name.</summary>
    public bool FiltersAttributes => _filtersByAttribute.Count != 0;

    /// <summary>Whether some callback filters calls by callee.</summary>
    public bool FiltersCalls => _filtersByCallee.Count != 0;
}
