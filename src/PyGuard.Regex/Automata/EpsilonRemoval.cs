namespace PyGuard.Regex.Automata;

/// <summary>
/// Removes ε-edges. From each state that starts a closure (the initial state, and each state a character
/// enters), every route along ε-edges that never repeats a state is followed, with the assertions on it
/// reduced to a restriction on the next character; each route that reaches a character edge becomes an
/// edge, and routes that reach the same edge more than once make it a multiple edge. Only states reachable
/// from the start are kept. A route is not followed into a state it has already entered twice with the same
/// restriction, which bounds the work (a third route adds nothing: multiplicities are only told apart as one
/// or several).
/// </summary>
internal static class EpsilonRemoval
{
    public static Nfa? Remove(EpsilonNfa source, CharSet universe, Budget budget)
    {
        var map = new Dictionary<int, int> { [source.Start] = 0 };
        var order = new List<int> { source.Start };
        var edges = new List<List<(int Target, CharSet Label)>>();
        var atEnd = new List<bool>();
        var before = new List<CharSet>();
        var finalNewline = new List<bool>();
        for (var i = 0; i < order.Count; i++)
        {
            var origin = order[i];
            var closure = new Closure(source, universe, origin == source.Start
                ? new ClosureSource(true, CharSet.Empty)
                : new ClosureSource(false, source.States[origin].Entry ?? universe));
            if (!closure.Run(origin, budget))
            {
                return null;
            }

            var found = new List<(int, CharSet)>();
            foreach (var (target, label) in closure.Edges)
            {
                if (!map.TryGetValue(target, out var id))
                {
                    id = order.Count;
                    map[target] = id;
                    order.Add(target);
                }

                found.Add((id, label));
            }

            edges.Add(found);
            atEnd.Add(closure.AcceptsAtEnd);
            before.Add(closure.AcceptsBefore);
            finalNewline.Add(closure.AcceptsBeforeFinalNewline);
        }

        return new Nfa
        {
            Universe = universe,
            Out = [.. edges.Select(Merge)],
            AcceptsAtEnd = [.. atEnd],
            AcceptsBefore = [.. before],
            AcceptsBeforeFinalNewline = [.. finalNewline],
            Spans = [.. order.Select(s => source.States[s].Span)],
            IsSearchPrefix = [.. order.Select(s => source.States[s].IsSearchPrefix)],
        };
    }

    /// <summary>One edge per target: the union of the routes' labels, and the characters two routes share.</summary>
    private static List<NfaEdge> Merge(List<(int Target, CharSet Label)> routes) =>
        [.. routes.GroupBy(r => r.Target).Select(g =>
        {
            var covered = CharSet.Empty;
            var multiple = CharSet.Empty;
            foreach (var (_, label) in g)
            {
                multiple = multiple.Union(covered.Intersect(label));
                covered = covered.Union(label);
            }

            return new NfaEdge(g.Key, covered, multiple);
        })];

    private sealed class Closure(EpsilonNfa nfa, CharSet universe, ClosureSource source)
    {
        private readonly HashSet<int> _onPath = [];
        private readonly Dictionary<(int, CharSet, bool, bool), int> _entries = [];

        public List<(int Target, CharSet Label)> Edges { get; } = [];

        public bool AcceptsAtEnd { get; private set; }

        public CharSet AcceptsBefore { get; private set; } = CharSet.Empty;

        public bool AcceptsBeforeFinalNewline { get; private set; }

        public bool Run(int origin, Budget budget)
        {
            var stack = new Stack<(int State, Restriction Restriction, int EdgeIndex)>();
            Enter(origin, new Restriction(universe, true), stack);
            while (stack.Count > 0)
            {
                if (!budget.Spend())
                {
                    return false;
                }

                var (state, restriction, index) = stack.Pop();
                var epsilons = nfa.States[state].Epsilons;
                if (index >= epsilons.Count)
                {
                    _onPath.Remove(state);
                    continue;
                }

                stack.Push((state, restriction, index + 1));
                var edge = epsilons[index];
                if (_onPath.Contains(edge.Target))
                {
                    continue;
                }

                var next = restriction;
                if (edge.Guard is { } guard)
                {
                    if (guard.Apply(source, universe) is not { } effect)
                    {
                        continue;
                    }

                    next = restriction.And(effect);
                    if (next.IsDead)
                    {
                        continue;
                    }
                }

                Enter(edge.Target, next, stack);
            }

            return true;
        }

        private void Enter(int state, Restriction restriction, Stack<(int, Restriction, int)> stack)
        {
            var key = (state, restriction.Next, restriction.EndAllowed, restriction.FinalNewlineAllowed);
            _entries.TryGetValue(key, out var count);
            if (count >= 2)
            {
                return;
            }

            _entries[key] = count + 1;
            var s = nfa.States[state];
            if (state == nfa.Accept)
            {
                AcceptsAtEnd |= restriction.EndAllowed;
                AcceptsBefore = AcceptsBefore.Union(restriction.Next);
                AcceptsBeforeFinalNewline |= restriction.FinalNewlineAllowed || restriction.Next.Contains('\n');
            }

            if (s.Label is { } label && s.Target >= 0)
            {
                var reads = ReferenceEquals(restriction.Next, universe) ? label : label.Intersect(restriction.Next);
                if (!reads.IsEmpty)
                {
                    Edges.Add((s.Target, reads));
                }
            }

            _onPath.Add(state);
            stack.Push((state, restriction, 0));
        }
    }
}
