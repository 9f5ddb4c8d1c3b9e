using PyGuard.Semantics.Scopes;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Semantics.Interpretation;

/// <summary>
/// Attributes an object holds because its own methods assign them: <c>self.run = os.system</c> in
/// <c>__init__</c>, then <c>self.run(cmd)</c> in another method. A method's receiver is unknown to the
/// interpreter (any instance may call it), so <c>self.attr</c> is what the class's methods assign to it,
/// as far as they have been interpreted, or anything else code outside the class may have put there.
/// </summary>
internal sealed partial class Interpreter
{
    /// <summary>Per class of the file, the right-hand sides its methods assign to each <c>self.attr</c>; built on first use.</summary>
    private readonly Dictionary<StmtClassDef, Dictionary<string, List<Expr>>> _instanceAssignments = new();

    /// <summary>
    /// What <c>receiver.attr</c> may hold when <paramref name="receiver"/> is the first parameter of the
    /// method <paramref name="frame"/> runs and some method of its class assigns that attribute; null when
    /// the read is not of that shape. The result always may be something else too.
    /// </summary>
    private ValueSet? InstanceAttribute(string receiver, string attr, Frame frame)
    {
        if (!frame.InstanceKnown)
        {
            frame.InstanceKnown = true;
            if (frame.Scope is { Kind: ScopeKind.Function, Parent: { Kind: ScopeKind.Class, Node: StmtClassDef owner } } && ReceiverOf(frame.Scope.Node) is { } self)
            {
                frame.Instance = (self, AssignmentsOf(owner));
            }
        }

        if (frame.Instance is not { } instance || instance.Receiver != receiver || !instance.Assignments.TryGetValue(attr, out var sources))
        {
            return null;
        }

        // Most assignments store a parameter, unknown to the method's general analysis: nothing to add then.
        ValueSet? result = null;
        foreach (var source in sources)
        {
            if (_values.TryGetValue(source, out var assigned) && !assigned.IsUnknown)
            {
                result = (result ?? ValueSet.Unknown).Union(assigned);
            }
        }

        return result;
    }

    /// <summary>The name of a method's first parameter, the instance it is called on; null for a static method.</summary>
    private static string? ReceiverOf(Node method)
    {
        var (args, decorators) = method switch
        {
            StmtFunctionDef f => (f.Args, f.DecoratorList),
            StmtAsyncFunctionDef f => (f.Args, f.DecoratorList),
            _ => (null, default),
        };
        if (args is null)
        {
            return null;
        }

        foreach (var decorator in decorators)
        {
            if (decorator is ExprName { Id: "staticmethod" })
            {
                return null;
            }
        }

        return args.Posonlyargs.Length > 0 ? args.Posonlyargs[0].Name : args.Args.Length > 0 ? args.Args[0].Name : null;
    }

    private Dictionary<string, List<Expr>> AssignmentsOf(StmtClassDef owner)
    {
        if (!_instanceAssignments.TryGetValue(owner, out var table))
        {
            table = new Dictionary<string, List<Expr>>(StringComparer.Ordinal);
            foreach (var statement in owner.Body)
            {
                if (ReceiverOf(statement) is { } receiver)
                {
                    new SelfAssignments(receiver, table).Visit(statement);
                }
            }

            _instanceAssignments[owner] = table;
        }

        return table;
    }

    /// <summary>Collects <c>receiver.attr = value</c> (plain or annotated) in one method, nested classes left out.</summary>
    private sealed class SelfAssignments(string receiver, Dictionary<string, List<Expr>> table) : NodeWalker
    {
        public override void VisitStmtAssign(StmtAssign node)
        {
            foreach (var target in node.Targets)
            {
                Note(target, node.Value);
            }

            base.VisitStmtAssign(node);
        }

        public override void VisitStmtAnnAssign(StmtAnnAssign node)
        {
            if (node.Value is not null)
            {
                Note(node.Target, node.Value);
            }

            base.VisitStmtAnnAssign(node);
        }

        public override void VisitStmtClassDef(StmtClassDef node)
        {
        }

        private void Note(Expr target, Expr value)
        {
            if (target is ExprAttribute { Value: ExprName { Id: var name }, Attr: var attr } && name == receiver)
            {
                if (!table.TryGetValue(attr, out var sources))
                {
                    table[attr] = sources = [];
                }

                sources.Add(value);
            }
        }
    }
}
