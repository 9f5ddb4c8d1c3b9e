using System.Collections.Frozen;

namespace PyGuard.Analyzers.Common;

/// <summary>
/// Which attribute names lead out of the object model's everyday surface. The lists are the attributes
/// that sandbox escapes chain together (CTF write-ups, RestrictedPython and smolagents bypasses); the
/// harmless dunders (<c>__name__</c>, <c>__doc__</c>, <c>__init__</c>, ...) are deliberately absent.
/// </summary>
internal static class DunderNames
{
    /// <summary>Climbing the class hierarchy to reach every loaded class.</summary>
    public static readonly FrozenSet<string> Hierarchy = FrozenSet.ToFrozenSet(
        ["__subclasses__", "__mro__", "__bases__", "__base__", "mro"], StringComparer.Ordinal);

    /// <summary>A function's or module's globals, builtins and code.</summary>
    public static readonly FrozenSet<string> FunctionInternals = FrozenSet.ToFrozenSet(
        ["__globals__", "__code__", "__closure__", "__builtins__", "func_globals", "func_code", "__defaults__", "__kwdefaults__"],
        StringComparer.Ordinal);

    /// <summary>Frames, generators, coroutines and tracebacks: the ways to other code's variables.</summary>
    public static readonly FrozenSet<string> FrameInternals = FrozenSet.ToFrozenSet(
    [
        "f_back", "f_globals", "f_locals", "f_builtins", "f_code", "f_trace", "gi_frame", "gi_code", "cr_frame", "cr_code",
        "ag_frame", "ag_code", "tb_frame", "tb_next", "gi_yieldframe", "cr_await",
    ], StringComparer.Ordinal);

    /// <summary>Other dunders whose use by name is a sign of reaching around normal attribute access.</summary>
    public static readonly FrozenSet<string> Reflective = FrozenSet.ToFrozenSet(
    [
        "__getattribute__", "__getattr__", "__setattr__", "__delattr__", "__reduce__", "__reduce_ex__", "__import__",
        "__dict__", "__class__", "__loader__", "__spec__", "__self__", "__func__", "__init_subclass__", "__call__",
        "__setstate__", "__getstate__",
    ], StringComparer.Ordinal);

    public static bool IsDangerous(string name) =>
        Hierarchy.Contains(name) || FunctionInternals.Contains(name) || FrameInternals.Contains(name) || Reflective.Contains(name);

    public static bool IsDunder(string name) => name.Length > 4 && name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal);
}
