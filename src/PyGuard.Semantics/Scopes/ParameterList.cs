using PyGuard.Syntax.Tree;

namespace PyGuard.Semantics.Scopes;

/// <summary>
/// The parameters of a signature in the order Python binds them: positional-only, positional, <c>*args</c>,
/// keyword-only, <c>**kwargs</c>. A struct enumerated in place, because every function definition is walked
/// for its parameters several times (scopes, interpretation, data flow) and an iterator object per walk
/// was a visible share of a scan's allocations.
/// </summary>
internal readonly struct ParameterList(Arguments args)
{
    public int Count { get; } =
        args.Posonlyargs.Length + args.Args.Length + (args.Vararg is null ? 0 : 1) + args.Kwonlyargs.Length + (args.Kwarg is null ? 0 : 1);

    public Arg this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            if (index < args.Posonlyargs.Length)
            {
                return args.Posonlyargs[index];
            }

            index -= args.Posonlyargs.Length;
            if (index < args.Args.Length)
            {
                return args.Args[index];
            }

            index -= args.Args.Length;
            if (args.Vararg is not null)
            {
                if (index == 0)
                {
                    return args.Vararg;
                }

                index--;
            }

            return index < args.Kwonlyargs.Length ? args.Kwonlyargs[index] : args.Kwarg!;
        }
    }

    public Enumerator GetEnumerator() => new(this);

    public struct Enumerator(ParameterList list)
    {
        private int _index = -1;

        public readonly Arg Current => list[_index];

        public bool MoveNext() => ++_index < list.Count;
    }
}
