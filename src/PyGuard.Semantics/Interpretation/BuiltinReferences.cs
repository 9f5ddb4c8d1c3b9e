using System.Collections.Frozen;
using PyGuard.Semantics.Knowledge;
using PyGuard.Semantics.Values;

namespace PyGuard.Semantics.Interpretation;

/// <summary>
/// The value of each builtin name (<c>len</c> is <c>builtins.len</c>), made once. Builtins are among the
/// names code reads most; building the qualified name and its value on every read was a steady share of
/// what the interpreter allocated. Values are immutable records, so one instance serves every file.
/// </summary>
internal static class BuiltinReferences
{
    private const string Prefix = "builtins.";

    private static readonly FrozenDictionary<string, ValueSet> Known =
        Builtins.Names.ToFrozenDictionary(name => name, name => ValueSet.Ref(Builtins.Qualify(name)), StringComparer.Ordinal);

    /// <summary>The reference to <c>builtins.<paramref name="name"/></c>, shared when the name is a builtin.</summary>
    public static ValueSet Of(string name) =>
        Known.TryGetValue(name, out var known) ? known : ValueSet.Ref(Builtins.Qualify(name));

    /// <summary>The shared reference when <paramref name="name"/> is a builtin.</summary>
    public static bool TryGet(string name, out ValueSet reference) => Known.TryGetValue(name, out reference);

    /// <summary>
    /// The name after <c>builtins.</c> in <paramref name="qualifiedName"/>, without allocating when it is a
    /// builtin: every call of a builtin asks for it.
    /// </summary>
    public static string NameOf(string qualifiedName)
    {
        var name = qualifiedName.AsSpan(Prefix.Length);
        return Builtins.Names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var known) ? known : name.ToString();
    }

    /// <summary><c>builtins.<paramref name="name"/></c>, the shared string when the name is a builtin.</summary>
    public static string QualifiedName(string name) =>
        Known.TryGetValue(name, out var known) ? ((RefValue)known.Items[0]).QualifiedName : Builtins.Qualify(name);
}
