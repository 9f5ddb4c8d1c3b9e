using PyGuard.Semantics.Scopes;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Semantics.Interpretation;

/// <summary>One activation being interpreted: a scope, its current state, and where control can go.</summary>
internal sealed class Frame(Scope scope, Env env)
{
    public Scope Scope { get; } = scope;

    public Env Env { get; set; } = env;

    /// <summary>The values of every <c>return</c> reached.</summary>
    public ValueSet Returns { get; set; } = ValueSet.Empty;

    /// <summary>Whether control can fall off the end of the body (an implicit <c>return None</c>).</summary>
    public bool Yields { get; set; }

    public Stack<LoopState> Loops { get; } = new();

    /// <summary>
    /// For a method: the name of its receiver and what its class's methods assign to attributes of it
    /// (see Interpreter.Instances); null for other code. Worked out on the first read of an attribute of
    /// an unknown object, since methods read <c>self.x</c> over and over.
    /// </summary>
    public (string Receiver, Dictionary<string, List<Expr>> Assignments)? Instance { get; set; }

    /// <summary>Whether <see cref="Instance"/> has been worked out.</summary>
    public bool InstanceKnown { get; set; }
}

/// <summary>The states at the <c>break</c> and <c>continue</c> statements of the loop being interpreted.</summary>
internal sealed class LoopState(Node loop)
{
    public Node Loop { get; } = loop;

    public List<Env> Breaks { get; } = [];

    public List<Env> Continues { get; } = [];
}
