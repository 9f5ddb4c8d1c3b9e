#!/usr/bin/env python3
"""Generates PyGuard's syntax-tree node classes from CPython's own `ast` module.

The tree must mirror CPython 3.13's `ast` node for node, so the node classes, their fields and the
order of those fields are read from the interpreter rather than typed by hand. Run with CPython 3.13:

    ~/.pyenv/versions/3.13.*/bin/python3 scripts/generate-ast-nodes.py            # rewrite the file
    ~/.pyenv/versions/3.13.*/bin/python3 scripts/generate-ast-nodes.py --check    # fail if it is stale

Python 3.14's t-strings (TemplateStr, Interpolation) are appended from the table below, because the
scanner accepts 3.14 syntax even though `pyguard ast` prints 3.13's tree.
"""
import ast
import pathlib
import sys

from generated_files import write_or_check

OUT = pathlib.Path(__file__).resolve().parent.parent / "src/PyGuard.Syntax/Tree/Generated/Nodes.g.cs"

# Abstract ASDL sums become C# base classes; the prefix keeps names such as List, Tuple, Set and the
# statement `Expr` from colliding with each other or with System types.
SUM_BASES = {"mod": ("Mod", "Mod"), "stmt": ("Stmt", "Stmt"), "expr": ("Expr", "Expr"),
             "pattern": ("Pattern", "Pattern"), "type_param": ("TypeParam", "TypeParam")}
# Sums of singletons are enums, not nodes.
ENUMS = {"expr_context": "ExprContext", "boolop": "BoolOperator", "operator": "Operator",
         "unaryop": "UnaryOperator", "cmpop": "CompareOperator"}
# Products, and sums with a single constructor, become plain sealed classes.
SINGLE = {"comprehension": "Comprehension", "excepthandler": "ExceptHandler", "ExceptHandler": "ExceptHandler",
          "arguments": "Arguments", "arg": "Arg", "keyword": "Keyword", "alias": "Alias",
          "withitem": "WithItem", "match_case": "MatchCase", "type_ignore": "TypeIgnore",
          "TypeIgnore": "TypeIgnore"}
# C# forbids a member named like its type, and Node.Kind is taken.
RENAMED = {("Arg", "arg"): "Name", ("ExprConstant", "kind"): "StringKind"}
BOOL_FIELDS = {("Comprehension", "is_async"), ("StmtAnnAssign", "simple")}
# Lists whose elements may be None although the ASDL does not say so.
NULLABLE_ELEMENTS = {("ExprDict", "keys"), ("Arguments", "kw_defaults")}
# Kept by CPython only for old code that builds trees by hand; the parser never produces them.
DEPRECATED = {"Num", "Str", "Bytes", "NameConstant", "Ellipsis", "slice", "Index", "ExtSlice", "Suite", "Param",
              "AugLoad", "AugStore"}
PY314 = [("expr", "TemplateStr", [("values", "list[ast.expr]")]),
         ("expr", "Interpolation", [("value", "<class 'ast.expr'>"), ("str", "<class 'object'>"),
                                    ("conversion", "<class 'int'>"), ("format_spec", "ast.expr | None")])]


def pascal(name):
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def type_name(py):
    if py in ENUMS:
        return ENUMS[py]
    if py in SINGLE:
        return SINGLE[py]
    return SUM_BASES[py][0]


def csharp_type(owner, field, annotation):
    a = annotation
    nullable = a.endswith(" | None")
    if nullable:
        a = a[: -len(" | None")]
    if a.startswith("list["):
        inner = a[5:-1]
        if inner == "str":
            return "ImmutableArray<string>", "strings"
        elem = type_name(inner.removeprefix("ast."))
        if (owner, field) in NULLABLE_ELEMENTS:
            return f"ImmutableArray<{elem}?>", "nodes"
        return f"ImmutableArray<{elem}>", ("enums" if elem in ENUMS.values() else "nodes")
    if a == "<class 'str'>" or a == "str":
        return ("string?" if nullable else "string"), "string"
    if a == "<class 'int'>" or a == "int":
        return ("bool", "bool") if (owner, field) in BOOL_FIELDS else ("int", "int")
    if a == "<class 'object'>":
        return "object?", "constant"
    name = a.removeprefix("<class '").removesuffix("'>").removeprefix("ast.")
    t = type_name(name)
    if t in ENUMS.values():
        return t, "enum"
    return (t + "?" if nullable else t), "node"


def classes():
    for base, (prefix, _) in SUM_BASES.items():
        for cls in getattr(ast, base).__subclasses__():
            if cls.__name__ in DEPRECATED:
                continue
            yield base, cls.__name__, prefix + cls.__name__, [(f, str(cls._field_types[f])) for f in cls._fields], bool(cls._attributes)
    for py, cs in SINGLE.items():
        if py in ("excepthandler", "type_ignore"):
            continue
        cls = getattr(ast, py)
        yield None, py, cs, [(f, str(cls._field_types[f])) for f in cls._fields], bool(cls._attributes)
    for base, name, fields in PY314:
        yield base, name, SUM_BASES[base][0] + name, fields, True


def child_statements(props, statement):
    """One line per node-valued field, in field order, applying statement(child) to each child node present."""
    lines = []
    for _, p, t, shape in props:
        if shape == "node":
            lines.append(f"        if ({p} is not null) {statement(p)}" if t.endswith("?") else f"        {statement(p)}")
        elif shape == "nodes":
            guard = "if (child is not null) " if "?>" in t else ""
            lines.append(f"        foreach (var child in {p}) {guard}{statement('child')}")
    return lines


def generate():
    out = ["// <auto-generated>",
           f"// Generated by scripts/generate-ast-nodes.py from the ast module of CPython {sys.version.split()[0]}.",
           "// Do not edit: change the script and run it again.",
           "// </auto-generated>",
           "#nullable enable",
           "using System.Collections.Immutable;",
           "",
           "using PyGuard.Syntax.Text;",
           "",
           "namespace PyGuard.Syntax.Tree;",
           ""]
    all_classes = list(classes())

    out.append("/// <summary>The concrete kind of a node, one member per node class.</summary>")
    out.append("public enum NodeKind")
    out.append("{")
    for _, _, cs, _, _ in all_classes:
        out.append(f"    {cs},")
    out.append("}")
    out.append("")

    for py, cs in ENUMS.items():
        members = [c.__name__ for c in getattr(ast, py).__subclasses__() if c.__name__ not in DEPRECATED]
        out.append(f"/// <summary>CPython's <c>ast.{py}</c>.</summary>")
        out.append(f"public enum {cs}")
        out.append("{")
        for m in members:
            out.append(f"    {m},")
        out.append("}")
        out.append("")

    for base, py_name, cs, fields, has_positions in all_classes:
        parent = SUM_BASES[base][0] if base else "Node"
        props = []
        for f, ann in fields:
            t, shape = csharp_type(cs, f, ann)
            props.append((f, RENAMED.get((cs, f), pascal(f)), t, shape))
        out.append(f"/// <summary>CPython's <c>ast.{py_name}</c>.</summary>")
        out.append(f"public sealed partial class {cs} : {parent}")
        out.append("{")
        params = ", ".join(f"{t} {p[0].lower() + p[1:]}" for _, p, t, _ in props)
        params = (params + ", " if params else "") + "TextSpan span"
        out.append(f"    public {cs}({params}) : base(span)")
        out.append("    {")
        for _, p, _, _ in props:
            out.append(f"        {p} = {p[0].lower() + p[1:]};")
        # Height (nodes on the longest path down) is kept as the tree is built, so the parser can
        # enforce its depth bound without walking the tree again.
        height = []
        for _, p, t, shape in props:
            if shape == "node":
                height.append(f"({p}?.Height ?? 0)" if t.endswith("?") else f"{p}.Height")
            elif shape == "nodes":
                height.append(f"MaxHeight({p})")
        if height:
            expression = height[0]
            for h in height[1:]:
                expression = f"Math.Max({expression}, {h})"
            out.append(f"        Height = 1 + {expression};")
        else:
            out.append("        Height = 1;")
        out.append("    }")
        out.append("")
        for f, p, t, _ in props:
            out.append(f"    /// <summary>The <c>{f}</c> field.</summary>")
            out.append(f"    public {t} {p} {{ get; }}")
            out.append("")
        out.append(f"    public override NodeKind Kind => NodeKind.{cs};")
        out.append(f"    public override string PythonName => \"{py_name}\";")
        if not has_positions:
            out.append("    public override bool HasPositions => false;")
        out.append(f"    public override void Accept(NodeVisitor visitor) => visitor.Visit{cs}(this);")
        out.append(f"    public override TResult Accept<TResult>(NodeVisitor<TResult> visitor) => visitor.Visit{cs}(this);")
        out.append("")
        out.append("    public override void VisitChildren(NodeVisitor visitor)")
        out.append("    {")
        out.extend(child_statements(props, lambda child: f"visitor.Visit({child});"))
        out.append("    }")
        out.append("")
        # Numbering has its own generated walk rather than a NodeVisitor: it runs over every node of
        # every parsed tree, and a visitor costs two virtual calls per node where this costs one.
        numbering = child_statements(props, lambda child: f"next = {child}.Number(this, next);")
        if numbering:
            out.append("    internal override int NumberChildren(int next)")
            out.append("    {")
            out.extend(numbering)
            out.append("        return next;")
            out.append("    }")
        else:
            out.append("    internal override int NumberChildren(int next) => next;")
        out.append("")
        out.append("    internal override void DumpFields(IAstFieldWriter writer)")
        out.append("    {")
        for f, p, _, shape in props:
            out.append(f"        writer.Write{pascal(shape)}(\"{f}\", {p});")
        out.append("    }")
        out.append("}")
        out.append("")

    out.append("/// <summary>Visits nodes by their concrete class; unhandled kinds go to <see cref=\"DefaultVisit\"/>.</summary>")
    out.append("public abstract partial class NodeVisitor")
    out.append("{")
    for _, _, cs, _, _ in all_classes:
        out.append(f"    public virtual void Visit{cs}({cs} node) => DefaultVisit(node);")
    out.append("}")
    out.append("")
    out.append("/// <summary>Visits nodes by their concrete class and returns a value.</summary>")
    out.append("public abstract partial class NodeVisitor<TResult>")
    out.append("{")
    for _, _, cs, _, _ in all_classes:
        out.append(f"    public virtual TResult Visit{cs}({cs} node) => DefaultVisit(node);")
    out.append("}")
    return "\n".join(out) + "\n"


def main():
    return write_or_check({OUT: generate()}, "generate-ast-nodes.py")


if __name__ == "__main__":
    sys.exit(main())
