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
        var prefix = a.Nfa.IsSearchPrefix[witness.Start] ? [] : ShortestPath(witness.Start);
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
        if (!_simulation.AcceptsAtEnd(states) && !endsWithNewline)
        {
            return [];
        }

        var previous = new Dictionary<string, (string From, int Class)>();
        var key = Key(states);
        var queue = new Queue<(int[] States, string Key)>();
        queue.Enqueue((states, key));
        previous[key] = ("", -1);
        while (queue.Count > 0 && previous.Count < MaxSuffixSets)
        {
            var (current, currentKey) = queue.Dequeue();
            var moves = Enumerable.Range(0, a.Alphabet.Count)
                .Where(cls => !_simulation.AcceptsBefore(current, cls))
                .Select(cls => (Class: cls, Next: _simulation.Move(current, cls)))
                .OrderBy(m => m.Next.Length);
            foreach (var (cls, next) in moves)
            {
                if (!budget.Spend())
                {
                    return null;
                }

                var nextKey = Key(next);
                if (previous.ContainsKey(nextKey))
                {
                    continue;
                }

                previous[nextKey] = (currentKey, cls);
                // `$` matches before a newline that ends the input.
                var newlineMatches = cls == _simulation.NewlineClass && _simulation.AcceptsBeforeFinalNewline(current);
                if (!_simulation.AcceptsAtEnd(next) && !newlineMatches)
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

    private static string Key(int[] states) => string.Join(',', states);
}
