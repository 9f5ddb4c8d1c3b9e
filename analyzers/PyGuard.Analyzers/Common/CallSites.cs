using System.Collections.Frozen;
using PyGuard.Engine.Analysis;
using PyGuard.Semantics;
using PyGuard.Semantics.Knowledge;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Common;

/// <summary>Questions rules ask about a call, answered through the semantic model rather than by name text.</summary>
internal static class CallSites
{
    /// <summary>
    /// The call whose callee is the attribute an attribute callback was given (<c>obj.method</c> in
    /// <c>obj.method(...)</c>), or null when the attribute is only read, written or passed on. Rules about
    /// methods of particular names register an attribute callback for those names and ask this.
    /// </summary>
    public static ExprCall? MethodCall(this NodeContext context) =>
        context.Parent is ExprCall call && ReferenceEquals(call.Func, context.Node) ? call : null;

    /// <summary>The first qualified name in <paramref name="names"/> that the callee may be, or null.</summary>
    public static string? CalleeIn(this SemanticModel model, ExprCall call, FrozenSet<string> names) =>
        model.CalleeNames(call).FirstIn(names);

    /// <summary>The first qualified name the callee may be that starts with one of the prefixes.</summary>
    public static string? CalleeWithPrefix(this SemanticModel model, ExprCall call, params string[] prefixes)
    {
        foreach (var name in model.CalleeNames(call))
        {
            foreach (var prefix in prefixes)
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return name;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether an optional flag argument is (or may be) true: absent means <paramref name="absent"/>, a
    /// known constant means its truth, anything else means "maybe", reported as null.
    /// </summary>
    public static bool? FlagValue(this SemanticModel model, Expr? argument, bool absent)
    {
        if (argument is null)
        {
            return absent;
        }

        return model.ValueOf(argument).Truthiness();
    }

    /// <summary>The strings an argument may be, plus the items of a list/tuple of strings (an argv).</summary>
    public static IEnumerable<string> CommandWords(this SemanticModel model, Expr? argument)
    {
        if (argument is null)
        {
            yield break;
        }

        var value = model.ValueOf(argument);
        foreach (var item in value.Items)
        {
            switch (item)
            {
                case ConstValue { Constant: PyStr s }:
                    yield return s.Value;
                    break;
                case ConstValue { Constant: PySequence seq }:
                    yield return string.Join(' ', seq.Items.Select(i => i is PyStr s ? s.Value : "?"));
                    break;
                case ContainerValue container:
                    yield return string.Join(' ', container.Items.Select(i => i.Constant is PyStr s ? s.Value : "?"));
                    break;
            }
        }
    }

    /// <summary>A short, single-line rendering of a value for messages.</summary>
    public static string Describe(string text, int max = 60)
    {
        var single = text.ReplaceLineEndings("\\n");
        return single.Length <= max ? single : single[..max] + "…";
    }
}
