using System.Collections.Frozen;
using System.Collections.Immutable;

namespace PyGuard.Semantics.Knowledge;

/// <summary>
/// Membership tests of a callee's possible names against a rule's table. Written as loops because rules
/// ask them for every call in a file, and <c>names.Any(table.Contains)</c> allocates a delegate each time.
/// </summary>
public static class NameSets
{
    /// <summary>The first of <paramref name="names"/> that <paramref name="table"/> holds, or null.</summary>
    public static string? FirstIn(this ImmutableArray<string> names, FrozenSet<string> table)
    {
        foreach (var name in names)
        {
            if (table.Contains(name))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="table"/> holds any of <paramref name="names"/>.</summary>
    public static bool AnyIn(this ImmutableArray<string> names, FrozenSet<string> table) => names.FirstIn(table) is not null;

    /// <summary>Whether <paramref name="table"/> holds any of <paramref name="names"/>.</summary>
    public static bool AnyIn(this IReadOnlyList<string> names, FrozenSet<string> table)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (table.Contains(names[i]))
            {
                return true;
            }
        }

        return false;
    }
}
