using System.Collections.Frozen;
using PyGuard.Semantics;
using PyGuard.Semantics.Evaluation;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Common;

/// <summary>
/// Finds the decoding and decompression steps inside an expression (<c>base64.b64decode</c>,
/// <c>zlib.decompress</c>, <c>codecs.decode(..., 'rot13')</c>, <c>bytes.fromhex</c>, <c>marshal.loads</c>, ...),
/// following a name to the expressions assigned to it in the same file.
/// </summary>
internal static class DecodingCalls
{
    private static readonly FrozenSet<string> Extra = FrozenSet.ToFrozenSet(
    [
        "codecs.decode", "marshal.loads", "bz2.decompress", "lzma.decompress", "gzip.decompress", "zlib.decompress",
        "base64.decodebytes", "builtins.bytes.fromhex", "builtins.bytearray.fromhex", "pickle.loads",
        "binascii.a2b_base64", "binascii.a2b_hex", "binascii.unhexlify", "binascii.a2b_uu", "quopri.decodestring",
    ], StringComparer.Ordinal);

    public static bool IsDecoder(string qualifiedName) => Codecs.IsDecoder(qualifiedName) || Extra.Contains(qualifiedName);

    /// <summary>The first decoder applied in <paramref name="expr"/> or in what a name in it was assigned, or null.</summary>
    public static string? FindDecoder(SemanticModel model, Expr expr) =>
        NameTracing.Find(model, expr, () => new Finder(model), AssignedValues);

    /// <summary>The right-hand sides assigned to the same name in the scope that holds <paramref name="name"/>.</summary>
    private static IEnumerable<Expr> AssignedValues(SemanticModel model, ExprName name)
    {
        var scopeNode = model.ScopeContaining(name).Node;
        var collector = new AssignmentCollector(name.Id);
        collector.Visit(scopeNode);
        return collector.Values;
    }

    private sealed class Finder(SemanticModel model) : NameTracing.Finder
    {
        public override void VisitExprCall(ExprCall node)
        {
            Found ??= model.CalleeNames(node).FirstOrDefault(IsDecoder);
            if (Found is null && node.Func is ExprAttribute { Attr: "decode" or "translate" } method && method.Value is ExprCall inner &&
                model.CalleeNames(inner).Any(IsDecoder))
            {
                Found = model.CalleeNames(inner).First(IsDecoder);
            }

            base.VisitExprCall(node);
        }
    }

    private sealed class AssignmentCollector(string name) : NodeWalker
    {
        public List<Expr> Values { get; } = [];

        public override void VisitStmtAssign(StmtAssign node)
        {
            if (node.Targets.Any(t => t is ExprName n && n.Id == name))
            {
                Values.Add(node.Value);
            }

            base.VisitStmtAssign(node);
        }

        public override void VisitStmtAugAssign(StmtAugAssign node)
        {
            if (node.Target is ExprName n && n.Id == name)
            {
                Values.Add(node.Value);
            }

            base.VisitStmtAugAssign(node);
        }

        public override void VisitExprNamedExpr(ExprNamedExpr node)
        {
            if (node.Target is ExprName n && n.Id == name)
            {
                Values.Add(node.Value);
            }

            base.VisitExprNamedExpr(node);
        }
    }
}
