using System.Runtime.CompilerServices;
using PyGuard.Semantics.Knowledge;
using PyGuard.Semantics.Scopes;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Semantics.DataFlow;

/// <summary>
/// What a method is called on when the interpreter cannot say: a receiver that is a parameter
/// (<c>def submit(pool): pool.request(...)</c>, called with a <c>PoolManager</c>) or a member set on
/// <c>self</c> in another method (<c>self.conn = HTTPSConnection(...)</c> in <c>__init__</c>, then
/// <c>self.conn.request(...)</c>). The flow graph knows every expression stored into such a location and
/// every argument passed to a parameter; the types and modules the model gives those expressions are the
/// receiver's. Like the rest of the analysis this is flow-insensitive: a receiver is every object ever
/// stored in it, through any number of assignments and call levels.
/// </summary>
internal sealed class ReceiverTypes(
    SemanticModel model,
    LocalCalls calls,
    IReadOnlyDictionary<Location, List<FlowEdge>> writers,
    IReadOnlyDictionary<Location, ParameterOrigin> parameters,
    IReadOnlyDictionary<Node, List<CallSite>> callSites)
{
    /// <summary>
    /// The library objects, modules, local classes and their instances each location may hold, computed once (so that asking about every
    /// call of a file stays linear); null while being computed. A location reached again inside its own
    /// computation (a cycle of assignments or calls) contributes nothing there: what it holds from
    /// outside the cycle is still found through the location the question started from.
    /// </summary>
    private readonly Dictionary<Location, HashSet<Value>?> _owners = [];

    /// <summary>The qualified names <c>receiver.attribute</c> may be, given what may flow into <paramref name="receiver"/>.</summary>
    public IReadOnlyList<string> MethodNames(Expr receiver, string attribute, Scope scope)
    {
        var owners = new HashSet<Value>();
        Collect(receiver, scope, owners);
        var names = new List<string>();
        foreach (var owner in owners)
        {
            // Named as the interpreter names a member it can see: an instance's by its type, a module's canonically.
            var name = owner switch
            {
                InstanceValue instance => instance.TypeName + "." + attribute,
                RefValue reference => QualifiedNames.Member(reference.QualifiedName, attribute),
                _ => null,
            };
            if (name is not null && !names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private void Collect(Expr expr, Scope scope, HashSet<Value> owners)
    {
        var known = false;
        foreach (var item in model.ValueOf(expr).Items)
        {
            // Local classes and their instances are collected too: a member read on them is another location.
            if (item is InstanceValue or RefValue or ObjectValue or ClassValue)
            {
                owners.Add(item);
                known = true;
            }
        }

        if (known)
        {
            return;
        }

        foreach (var location in LocationsOf(expr, scope))
        {
            owners.UnionWith(OwnersOf(location));
        }
    }

    private HashSet<Value> OwnersOf(Location location)
    {
        if (_owners.TryGetValue(location, out var known))
        {
            return known ?? [];
        }

        RuntimeHelpers.EnsureSufficientExecutionStack();
        _owners[location] = null;
        var owners = new HashSet<Value>();
        foreach (var edge in writers.GetValueOrDefault(location) ?? [])
        {
            Collect(edge.Value, edge.Scope, owners);
        }

        if (parameters.TryGetValue(location, out var parameter))
        {
            foreach (var site in callSites.GetValueOrDefault(parameter.Function) ?? [])
            {
                foreach (var (bound, argument) in LocalCalls.Bind(parameter.Function, site.Call, site.Bound))
                {
                    if (bound == parameter.Parameter)
                    {
                        Collect(argument, site.Scope, owners);
                    }
                }
            }
        }

        _owners[location] = owners;
        return owners;
    }

    private IEnumerable<Location> LocationsOf(Expr expr, Scope scope)
    {
        switch (expr)
        {
            case ExprName name when FlowGraph.LocationOfName(name.Id, scope) is { } location:
                yield return location;
                break;
            case ExprAttribute attribute:
                var holders = new HashSet<Value>();
                Collect(attribute.Value, scope, holders);
                var classes = calls.ClassesOf(attribute.Value, scope)
                    .Concat(holders.OfType<ObjectValue>().Select(o => o.Definition))
                    .Concat(holders.OfType<ClassValue>().Select(c => c.Definition))
                    .Distinct();
                foreach (var owner in classes)
                {
                    foreach (var cls in calls.WithBases(owner))
                    {
                        yield return new MemberLocation(cls, attribute.Attr);
                    }
                }

                break;
        }
    }
}
