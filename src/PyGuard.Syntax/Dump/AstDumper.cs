using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;

using PyGuard.Syntax.Tree;

namespace PyGuard.Syntax.Dump;

/// <summary>
/// Writes a tree exactly as CPython 3.13's <c>ast.dump(tree)</c> does (single line, field names shown,
/// None and empty lists left out except a Constant's or MatchSingleton's value), and with
/// <c>includePositions</c> as <c>ast.dump(tree, include_attributes=True)</c>, columns counted in UTF-8
/// bytes. Throws <see cref="PythonValueException"/> where CPython's dump raises ValueError (an int of more
/// than 4300 digits).
/// </summary>
public static class AstDumper
{
    public static string Dump(SyntaxTree tree, bool includePositions)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var writer = new DumpWriter(tree, includePositions);
        writer.WriteValue(tree.Root);
        return writer.ToString();
    }

    /// <summary>Receives a node's fields from its generated DumpFields and writes them as ast.dump does.</summary>
    private sealed class DumpWriter(SyntaxTree tree, bool includePositions) : IAstFieldWriter
    {
        private readonly StringBuilder _output = new();
        private bool _firstField;
        private Node? _current;

        public override string ToString() => _output.ToString();

        public void WriteValue(Node node)
        {
            // The parser bounds tree depth; the probe turns an unexpectedly small stack into an error.
            if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            {
                throw new InsufficientExecutionStackException("the syntax tree is too deep to dump on this thread");
            }

            _output.Append(node.PythonName).Append('(');
            var outer = _firstField;
            var outerNode = _current;
            _firstField = true;
            _current = node;
            node.DumpFields(this);
            if (includePositions && node.HasPositions)
            {
                var (line, column) = tree.Text.GetUtf8Position(node.Span.Start);
                var (endLine, endColumn) = tree.Text.GetUtf8Position(node.Span.End);
                WriteInt("lineno", line);
                WriteInt("col_offset", column);
                WriteInt("end_lineno", endLine);
                WriteInt("end_col_offset", endColumn);
            }

            _output.Append(')');
            _firstField = outer;
            _current = outerNode;
        }

        private StringBuilder Field(string name)
        {
            if (!_firstField)
            {
                _output.Append(", ");
            }

            _firstField = false;
            return _output.Append(name).Append('=');
        }

        public void WriteNode(string name, Node? value)
        {
            if (value is not null)
            {
                Field(name);
                WriteValue(value);
            }
        }

        public void WriteNodes<T>(string name, ImmutableArray<T> values) where T : Node? =>
            WriteList(name, values, static (writer, node) =>
            {
                if (node is null)
                {
                    writer._output.Append("None");
                }
                else
                {
                    writer.WriteValue(node);
                }
            });

        /// <summary>A list field: omitted when empty, as ast.dump omits [].</summary>
        private void WriteList<T>(string name, ImmutableArray<T> values, Action<DumpWriter, T> writeItem)
        {
            if (values.IsDefaultOrEmpty)
            {
                return;
            }

            Field(name).Append('[');
            for (var i = 0; i < values.Length; i++)
            {
                if (i > 0)
                {
                    _output.Append(", ");
                }

                writeItem(this, values[i]);
            }

            _output.Append(']');
        }

        public void WriteString(string name, string? value)
        {
            if (value is not null)
            {
                PythonRepr.AppendStr(Field(name), value);
            }
        }

        public void WriteStrings(string name, ImmutableArray<string> values) =>
            WriteList(name, values, static (writer, value) => PythonRepr.AppendStr(writer._output, value));

        public void WriteInt(string name, int value) => Field(name).Append(value);

        public void WriteBool(string name, bool value) => Field(name).Append(value ? '1' : '0');

        public void WriteConstant(string name, object? value)
        {
            int[]? splits = null;
            if (_current is ExprConstant constant)
            {
                tree.SplitSurrogates?.TryGetValue(constant, out splits);
            }

            PythonRepr.AppendConstant(Field(name), value, splits);
        }

        public void WriteEnum<T>(string name, T value) where T : struct, Enum => Field(name).Append(value.ToString()).Append("()");

        public void WriteEnums<T>(string name, ImmutableArray<T> values) where T : struct, Enum =>
            WriteList(name, values, static (writer, value) => writer._output.Append(value.ToString()).Append("()"));
    }
}
