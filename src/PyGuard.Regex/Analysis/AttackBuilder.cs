using System.Text;
using PyGuard.Regex.Automata;
using PyGuard.Regex.Parsing.Unicode;

namespace PyGuard.Regex.Analysis;

/// <summary>An attack in alphabet classes, and whether no thread of the whole match can succeed on it.</summary>
internal sealed record ClassAttack(int[] Prefix, int[] Pump, int[] Suffix, bool Global);

/// <summary>
/// Turns an ambiguity witness into prefix, pump and suffix. The prefix is a shortest word to the pump's
/// start; the suffix a shortest word after which no thread has matched, found by a breadth-first search over
/// sets of states. The attack is first sought so that the whole match fails (every thread, every start
/// position of a search); failing that, so that every thread below the pump's start fails, which is enough
/// when no earlier choice of the backtracker succeeds first (the simulator checks that case).
/// </summary>
internal sealed class AttackBuilder(LabelledNfa a, Budget budget)
{
    private const int MaxSuffixSets = 256;
    private readonly SubsetSimulation _simulation = new(a);

    public ClassAttack? Build(AmbiguityWitness witness)
    {
        var prefix = a.Nfa.IsSearchPrefix[witness.Start] ? [] : QuietPrefix(witness.Start) ?? ShortestPath(witness.Start);
        if (prefix is null)
        {
            return null;
        }

        var start = _simulation.Run([0], prefix);
        if (start is not null && Complete([.. start], witness.Pump) is { } global)
        {
            return new ClassAttack(prefix, witness.Pump, global, true);
        }

        return Complete([witness.Start], witness.Pump) is { } local ? new ClassAttack(prefix, witness.Pump, local, false) : null;
    }

    public string Render(int[] classes)
    {
        var sb = new StringBuilder();
        foreach (var cls in classes)
        {
            PythonText.AppendCodePoint(sb, a.Alphabet.Representatives[cls]);
        }

        return sb.ToString();
    }

    /// <summary>A suffix that fails every thread left after pumping, or null.</summary>
    private int[]? Complete(int[] states, int[] pump)
    {
        // The sets at pump boundaries repeat after a few rounds; a suffix must fail all sets of the cycle.
        var boundaries = new List<int[]> { states };
        for (var round = 0; round < 32; round++)
        {
            if (!budget.Spend(pump.Length))
            {
                return null;
            }

            var next = _simulation.Run(boundaries[^1], pump);
            if (next is null)
            {
                return null;
            }

            var seen = boundaries.FindIndex(b => b.AsSpan().SequenceEqual(next));
            if (seen >= 0)
            {
                // A long pump ends on one of the sets of the cycle; the suffix must fail them all.
                return Suffix([.. boundaries.Skip(seen).SelectMany(b => b).Distinct().Order()],
                    endsWithNewline: pump.Length > 0 && pump[^1] == _simulation.NewlineClass);
            }

            boundaries.Add(next);
        }

        return null;
    }

    private int[]? Suffix(int[] states, bool endsWithNewline)
    {
        // Threads a search starts after the pump are tried only once every earlier start has failed; they
        // cannot cut the work short, so their matches do not count against the attack.
        states = [.. states.Where(s => !a.Nfa.IsSearchPrefix[s])];
        if (!_simulation.AcceptsAtEnd(states) && !endsWithNewline)
        {
            return [];
        }

        // A search state is a set and whether the last character was a newline some thread would match
        // before if the input ended there (`$`); then the input must go on.
        var previous = new Dictionary<string, (string From, int Class)>();
        var key = Key(states, false);
        var queue = new Queue<(int[] States, string Key)>();
        queue.Enqueue((states, key));
        previous[key] = ("", -1);
        while (queue.Count > 0 && previous.Count < MaxSuffixSets)
        {
            var (current, currentKey) = queue.Dequeue();
            var moves = Enumerable.Range(0, a.Alphabet.Count)
                .Where(cls => !_simulation.AcceptsBefore(current, cls))
                .Select(cls => (Class: cls, Next: Without(_simulation.Move(current, cls))))
                .OrderBy(m => m.Next.Length);
            foreach (var (cls, next) in moves)
            {
                if (!budget.Spend())
                {
                    return null;
                }

                var pendingNewline = cls == _simulation.NewlineClass && _simulation.AcceptsBeforeFinalNewline(current);
                var nextKey = Key(next, pendingNewline);
                if (previous.ContainsKey(nextKey))
                {
                    continue;
                }

                previous[nextKey] = (currentKey, cls);
                if (!_simulation.AcceptsAtEnd(next) && !pendingNewline)
                {
                    var word = new List<int>();
                    for (var at = nextKey; previous[at].Class >= 0; at = previous[at].From)
                    {
                        word.Add(previous[at].Class);
                    }

                    word.Reverse();
                    return [.. word];
                }

                queue.Enqueue((next, nextKey));
            }
        }

        return null;
    }

    private int[] Without(int[] states) => [.. states.Where(s => !a.Nfa.IsSearchPrefix[s])];

    /// <summary>
    /// A shortest word that reaches <paramref name="target"/> while no thread matches on the way (a search
    /// must not succeed at an earlier start, a branch tried first must not succeed), found over sets of states.
    /// </summary>
    private int[]? QuietPrefix(int target)
    {
        var start = new[] { 0 };
        var previous = new Dictionary<string, (string From, int Class)> { [Key(start, false)] = ("", -1) };
        var queue = new Queue<(int[] States, string Key)>();
        queue.Enqueue((start, Key(start, false)));
        while (queue.Count > 0 && previous.Count < MaxSuffixSets)
        {
            var (current, currentKey) = queue.Dequeue();
            if (Array.BinarySearch(current, target) >= 0)
            {
                var word = new List<int>();
                for (var at = currentKey; previous[at].Class >= 0; at = previous[at].From)
                {
                    word.Add(previous[at].Class);
                }

                word.Reverse();
                return [.. word];
            }

            for (var cls = 0; cls < a.Alphabet.Count; cls++)
            {
                if (!budget.Spend())
                {
                    return null;
                }

                if (_simulation.AcceptsBefore(current, cls))
                {
                    continue;
                }

                var next = _simulation.Move(current, cls);
                var nextKey = Key(next, false);
                if (next.Length > 0 && previous.TryAdd(nextKey, (currentKey, cls)))
                {
                    queue.Enqueue((next, nextKey));
                }
            }
        }

        return null;
    }

    private int[]? ShortestPath(int target)
    {
        var previous = new Dictionary<int, (int From, int Class)> { [0] = (-1, -1) };
        var queue = new Queue<int>();
        queue.Enqueue(0);
        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            if (s == target)
            {
                var word = new List<int>();
                for (var at = target; previous[at].From >= 0; at = previous[at].From)
                {
                    word.Add(previous[at].Class);
                }

                word.Reverse();
                return [.. word];
            }

            foreach (var e in a.Edges[s])
            {
                if (!previous.ContainsKey(e.Target))
                {
                    previous[e.Target] = (s, e.Label.First());
                    queue.Enqueue(e.Target);
                }
            }
        }

        return null;
    }

    private static string Key(int[] states, bool pendingNewline) => string.Join(',', states) + (pendingNewline ? "+nl" : "");
}
