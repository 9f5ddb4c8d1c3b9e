using System.Collections.Immutable;

namespace PyGuard.Syntax.Tree;

/// <summary>
/// Receives a node's fields in CPython's order, one call per field, typed by the field's shape. The
/// generated <c>DumpFields</c> methods drive it; the dumper is its implementation.
/// </summary>
internal interface IAstFieldWriter
{
    void WriteNode(string name, Node? value);

    void WriteNodes<T>(string name, ImmutableArray<T> values) where T : Node?;

    void WriteString(string name, string? value);

    void WriteStrings(string name, ImmutableArray<string> values);

    void WriteInt(string name, int value);

    void WriteBool(string name, bool value);

    void WriteConstant(string name, object? value);

    void WriteEnum<T>(string name, T value) where T : struct, Enum;

    void WriteEnums<T>(string name, ImmutableArray<T> values) where T : struct, Enum;
}
