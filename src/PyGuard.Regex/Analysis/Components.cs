namespace PyGuard.Regex.Analysis;

/// <summary>Strongly connected components (iterative Tarjan), numbered so that a component comes before every one that reaches it.</summary>
internal static class Components
{
    public static int[] Of(int nodeCount, Func<int, IEnumerable<int>> successors, out int count)
    {
        var index = new int[nodeCount];
        var low = new int[nodeCount];
        var component = new int[nodeCount];
        var onStack = new bool[nodeCount];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var next = 0;
        count = 0;
        for (var root = 0; root < nodeCount; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            var work = new Stack<(int Node, IEnumerator<int> Successors)>();
            index[root] = low[root] = next++;
            stack.Push(root);
            onStack[root] = true;
            work.Push((root, successors(root).GetEnumerator()));
            while (work.Count > 0)
            {
                var (v, pending) = work.Peek();
                if (pending.MoveNext())
                {
                    var w = pending.Current;
                    if (index[w] < 0)
                    {
                        index[w] = low[w] = next++;
                        stack.Push(w);
                        onStack[w] = true;
                        work.Push((w, successors(w).GetEnumerator()));
                    }
                    else if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }

                    continue;
                }

                work.Pop();
                if (low[v] == index[v])
                {
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        component[w] = count;
                    }
                    while (w != v);

                    count++;
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }

        return component;
    }
}
