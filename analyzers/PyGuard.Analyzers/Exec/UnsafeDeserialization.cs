using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Exec;

/// <summary>
/// PG203: deserialisers that construct arbitrary objects, and so run arbitrary code, from their input:
/// pickle and its relatives, marshal, shelve, jsonpickle, <c>yaml.load</c> without a safe loader,
/// <c>torch.load</c> without <c>weights_only=True</c>, <c>numpy.load(allow_pickle=True)</c>, pandas and joblib loaders.
/// </summary>
public sealed class UnsafeDeserialization : Analyzer
{
    private static readonly FrozenSet<string> AlwaysUnsafe = FrozenSet.ToFrozenSet(
    [
        "pickle.load", "pickle.loads", "pickle.Unpickler", "pickle._load", "pickle._loads", "pickle._Unpickler",
        "dill.load", "dill.loads", "dill.Unpickler", "cloudpickle.load", "cloudpickle.loads",
        "marshal.load", "marshal.loads", "shelve.open", "shelve.DbfilenameShelf", "shelve.Shelf",
        "jsonpickle.decode", "jsonpickle.loads", "jsonpickle.unpickler.decode",
        "pandas.read_pickle", "joblib.load", "yaml.unsafe_load", "yaml.unsafe_load_all",
        "numpy.lib.format.read_array",
    ], StringComparer.Ordinal);

    private static readonly FrozenSet<string> YamlLoaders = FrozenSet.ToFrozenSet(
        ["yaml.load", "yaml.load_all", "ruamel.yaml.load", "ruamel.yaml.load_all"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> SafeYamlLoaders = FrozenSet.ToFrozenSet(
        ["yaml.SafeLoader", "yaml.CSafeLoader", "yaml.BaseLoader", "yaml.CBaseLoader", "yaml.loader.SafeLoader", "yaml.loader.BaseLoader"],
        StringComparer.Ordinal);

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG203", "Unsafe deserialisation", "{0} can execute arbitrary code while loading its input",
        RuleCategory.Exec, Severity.Error, Confidence.High, 9.0, [502],
        whatItDoes: "Reports loaders that rebuild arbitrary Python objects: `pickle`/`cPickle`/`dill`/`cloudpickle` load functions and Unpicklers, `marshal`, `shelve`, `jsonpickle`, `pandas.read_pickle`, `joblib.load`, `yaml.load` without `SafeLoader`, `yaml.unsafe_load`, `torch.load` without `weights_only=True`, and `numpy.load(..., allow_pickle=True)`.",
        why: "A pickle is a program: its `__reduce__` hooks call any function with any arguments while it loads. Loading data that an attacker can influence runs their code.",
        example: "import pickle\nwith open('model.pkl', 'rb') as f:\n    model = pickle.load(f)",
        instead: "Store data as JSON, CSV or another data-only format; use `yaml.safe_load`, `torch.load(path, weights_only=True)` and `numpy.load(path)` without `allow_pickle`.",
        safeExample: "import json\nwith open('data.json') as f:\n    data = json.load(f)",
        "https://docs.python.org/3/library/pickle.html", "https://cwe.mitre.org/data/definitions/502.html");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterNodeAction(Analyze, NodeKind.ExprCall);

    private static void Analyze(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        var model = context.Model;
        foreach (var name in model.CalleeNames(call))
        {
            if (AlwaysUnsafe.Contains(name) || name.EndsWith(".Unpickler.load", StringComparison.Ordinal))
            {
                context.ReportHere(Descriptor, name);
                return;
            }

            if (YamlLoaders.Contains(name) && !HasSafeYamlLoader(model, call))
            {
                context.ReportHere(Descriptor, $"{name} without a safe Loader");
                return;
            }

            if (name is "yaml.full_load" or "yaml.full_load_all")
            {
                context.Report(Descriptor, call.Span, Severity.Warning, Confidence.Medium, name);
                return;
            }

            if (name == "torch.load" && model.FlagValue(call.Keyword("weights_only"), absent: false) != true)
            {
                context.Report(Descriptor, call.Span, null, Confidence.Medium, "torch.load without weights_only=True");
                return;
            }

            if (name == "numpy.load" && model.FlagValue(call.Keyword("allow_pickle"), absent: false) != false)
            {
                context.ReportHere(Descriptor, "numpy.load with allow_pickle=True");
                return;
            }
        }
    }

    private static bool HasSafeYamlLoader(SemanticModel model, ExprCall call)
    {
        var loader = call.Argument(1, "Loader");
        if (loader is null)
        {
            return false;
        }

        var value = model.ValueOf(loader);
        return !value.MayBeOther && value.Items.Length > 0 && value.Items.All(v => v is RefValue r && SafeYamlLoaders.Contains(r.QualifiedName));
    }
}
