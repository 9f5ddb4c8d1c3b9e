using PyGuard.Syntax.Tree;

namespace PyGuard.Semantics;

public enum ImportKind
{
    /// <summary><c>import a.b</c> or <c>from a import b</c>.</summary>
    Static,

    /// <summary><c>__import__(...)</c>, <c>importlib.import_module(...)</c>, <c>sys.modules[...]</c> with a known name.</summary>
    Dynamic,

    /// <summary>A dynamic import whose module name the analysis could not determine.</summary>
    Unresolved,
}

/// <summary>
/// One way the file brings in a module. <see cref="Module"/> is canonical (<c>posix</c> is <c>os</c>);
/// relative imports keep their leading dots. <see cref="NameWasComputed"/> is true when the module name
/// came from folding an expression rather than from a literal: the hallmark of an obfuscated import.
/// </summary>
public sealed record ImportRecord(string Module, string? Member, Node Node, ImportKind Kind, bool NameWasComputed)
{
    /// <summary>The qualified name that the import binds: the module, or <c>module.member</c>.</summary>
    public string QualifiedName => Member is null ? Module : Module + "." + Member;
}
