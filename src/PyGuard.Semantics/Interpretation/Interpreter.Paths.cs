using System.Collections.Immutable;
using PyGuard.Semantics.Evaluation;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;
using static PyGuard.Semantics.Evaluation.PathFolding;

namespace PyGuard.Semantics.Interpretation;

/// <summary>
/// Folding of filesystem paths: the functions of <c>os.path</c>, <c>pathlib</c>, <c>tempfile</c>,
/// <c>site</c>, <c>sysconfig</c>, <c>glob</c> and <c>os.walk</c> evaluated on paths known in part (see
/// <see cref="PathFolding"/>), so that every rule reads where a path points from the model.
/// </summary>
internal sealed partial class Interpreter
{
    private static readonly ImmutableArray<KeyValuePair<PyValue, ValueSet>> SysconfigPaths =
    [
        Entry("stdlib", PathRoot.StandardLibrary),
        Entry("platstdlib", PathRoot.StandardLibrary),
        Entry("purelib", PathRoot.SitePackages),
        Entry("platlib", PathRoot.SitePackages),
        Entry("scripts", PathRoot.Scripts),
        Entry("data", PathRoot.Prefix),
        Entry("include", PathRoot.Prefix),
        Entry("platinclude", PathRoot.Prefix),
    ];

    private static KeyValuePair<PyValue, ValueSet> Entry(string key, PathRoot root) =>
        new(new PyStr(key), ValueSet.Of(new PathValue(root, string.Empty, false)));

    /// <summary>The result of a call that builds or finds a path, or null when <paramref name="name"/> is not such a function.</summary>
    private ValueSet? CallPathFunction(string name, CallArguments args)
    {
        switch (name)
        {
            case "os.path.join" when args.Positional.Length > 0:
                return JoinParts(args.Positional, isPathObject: false);
            case "pathlib.Path" or "pathlib.PosixPath" or "pathlib.PurePath" or "pathlib.PurePosixPath":
                return args.Positional.Length == 0
                    ? ValueSet.Of(Make(PathRoot.None, ".", isPathObject: true))
                    : JoinParts(args.Positional, isPathObject: true);
            case "os.path.expanduser":
                return MapPaths(args.At(0, "path"), p => ToStr(ExpandUser(p)));
            case "os.path.expandvars":
                return MapPaths(args.At(0, "path"), p => ToStr(ExpandVariables(p)));
            case "os.path.abspath" or "os.path.realpath":
                return MapPaths(args.At(0, "path"), p => ToStr(Absolute(p)));
            case "os.path.normpath":
                return MapPaths(args.At(0, "path"), p => p.Root == PathRoot.None && !p.Rest.Contains(PathValue.UnknownPart) ? ToStr(p with { Rest = PathText.Normalize(p.Rest) }) : ToStr(p));
            case "os.path.dirname":
                return MapPaths(args.At(0, "p"), p => ToStr(Parent(p with { IsPathObject = false })));
            case "os.path.basename":
                return MapPaths(args.At(0, "p"), p => Name(p with { IsPathObject = false }) is { } n ? new ConstValue(new PyStr(n)) : null);
            case "os.fspath":
                return MapPaths(args.At(0, "path"), ToStr);
            case "os.getcwd":
                return ValueSet.Of(new PathValue(PathRoot.WorkingDirectory, string.Empty, false));
            case "os.getenv" or "os.environ.get" when args.At(0, "key").Constant is PyStr { Value: "HOME" or "USERPROFILE" }:
                return ValueSet.Of(new PathValue(PathRoot.Home, string.Empty, false));
            case "tempfile.mkdtemp":
                return ValueSet.Of(new PathValue(PathRoot.OwnTemporary, string.Empty, false));
            case "tempfile.mkstemp":
                return ValueSet.Of(new ContainerValue("tuple", [ValueSet.Unknown, ValueSet.Of(new PathValue(PathRoot.OwnTemporary, string.Empty, false))]));
            case "tempfile.gettempdir":
                return ValueSet.Of(new PathValue(PathRoot.SharedTemporary, string.Empty, false));
            case "site.getsitepackages":
                return ValueSet.Of(new PathListingValue(new PathValue(PathRoot.SitePackages, string.Empty, false), ListingKind.Paths));
            case "site.getusersitepackages":
                return ValueSet.Of(new PathValue(PathRoot.UserSitePackages, string.Empty, false));
            case "site.getuserbase":
                return ValueSet.Of(new PathValue(PathRoot.Home, ".local", false));
            case "distutils.sysconfig.get_python_lib":
                return ValueSet.Of(new PathValue(PathRoot.SitePackages, string.Empty, false));
            case "sysconfig.get_paths":
                return ValueSet.Of(new DictValue(SysconfigPaths));
            case "sysconfig.get_path":
                return MapValues(args.At(0, "name"), v => v is ConstValue { Constant: PyStr key } && new DictValue(SysconfigPaths).TryGet(key, out var found) ? found : ValueSet.Unknown);
            case "glob.glob" or "glob.iglob":
                return MapPaths(args.At(0, "pathname"), p => new PathListingValue(AsPathValue(p with { IsPathObject = false }), ListingKind.Paths));
            case "os.walk":
                return MapPaths(args.At(0, "top"), p => new PathListingValue(AsPathValue(p with { IsPathObject = false }), ListingKind.Walk));
            case "pathlib.Path.home":
                return ValueSet.Of(new PathValue(PathRoot.Home, string.Empty, true));
            case "pathlib.Path.cwd":
                return ValueSet.Of(new PathValue(PathRoot.WorkingDirectory, string.Empty, true));
            case not null when name.StartsWith("pathlib.Path.", StringComparison.Ordinal) && args.Call.Func is ExprAttribute method:
                return CallPathMethod(ValueOfRecorded(method.Value), name["pathlib.Path.".Length..], args);
            default:
                return null;
        }
    }

    /// <summary>A method of a pathlib object that returns another path, or null for the others (reads, writes, tests).</summary>
    private ValueSet? CallPathMethod(ValueSet receiver, string method, CallArguments args)
    {
        Func<PathParts, Value?>? operation = method switch
        {
            "joinpath" => p => JoinParts(p, args.Positional) is { } joined ? Make(joined) : null,
            "expanduser" => p => ToPathObject(ExpandUser(p)),
            "resolve" or "absolute" => p => ToPathObject(Absolute(p)),
            "with_name" when args.At(0).Constant is PyStr name => p => ToPathObject(WithName(p, name.Value)),
            "with_suffix" when args.At(0).Constant is PyStr suffix => p => Name(p) is { } n
                ? ToPathObject(WithName(p, (n.LastIndexOf('.') > 0 ? n[..n.LastIndexOf('.')] : n) + suffix.Value))
                : null,
            "glob" when args.At(0).Constant is PyStr pattern => p => new PathListingValue(AsPathValue(Below(p, pattern.Value)), ListingKind.Paths),
            "rglob" when args.At(0).Constant is PyStr pattern => p => new PathListingValue(AsPathValue(Below(p, "**/" + pattern.Value)), ListingKind.Paths),
            "iterdir" => p => new PathListingValue(AsPathValue(Below(p, "*")), ListingKind.Paths),
            _ => null,
        };
        return operation is null || !receiver.Any(v => AsPath(v) is not null) ? null : MapPaths(receiver, operation);
    }

    /// <summary>An attribute of a path: the computed properties of pathlib objects, the methods by their qualified name.</summary>
    private static ValueSet PathAttribute(PathValue path, string attr)
    {
        if (!path.IsPathObject)
        {
            return ValueSet.Unknown;
        }

        var parts = new PathParts(path.Root, path.Rest, true);
        return attr switch
        {
            "parent" => ValueSet.Of(ToPathObject(Parent(parts))),
            "name" => Name(parts) is { } name ? ValueSet.Of(new PyStr(name)) : ValueSet.Unknown,
            "stem" => Name(parts) is { } stem ? ValueSet.Of(new PyStr(stem.LastIndexOf('.') > 0 ? stem[..stem.LastIndexOf('.')] : stem)) : ValueSet.Unknown,
            "suffix" => Name(parts) is { } file ? ValueSet.Of(new PyStr(file.LastIndexOf('.') > 0 ? file[file.LastIndexOf('.')..] : string.Empty)) : ValueSet.Unknown,
            "parents" or "parts" or "anchor" or "root" or "drive" => ValueSet.Unknown,
            _ => ValueSet.Ref("pathlib.Path." + attr),
        };
    }

    /// <summary>One element of a listing: a path matching its pattern, or an <c>os.walk</c> triple.</summary>
    private static ValueSet ListingElement(PathListingValue listing)
    {
        if (listing.Kind == ListingKind.Paths)
        {
            return ValueSet.FromItems(listing.Patterns);
        }

        var directories = ValueSet.FromItems(listing.Patterns.Select(p => Make(Below(new PathParts(p.Root, p.Rest, false), "**"))));
        return ValueSet.Of(new ContainerValue("tuple", [directories, ValueSet.Unknown, ValueSet.Unknown]));
    }

    /// <summary><c>left + right</c> and <c>left / right</c> where a path takes part (see <see cref="PathFolding.Concat"/>).</summary>
    // One cached delegate per operator: the hot binary operators must not allocate a closure per evaluation.
    private static readonly Func<Value, Value?, Value?>[] PathFallbacks =
        Enum.GetValues<Operator>().Select(op => (Func<Value, Value?, Value?>)((l, r) => PathBinary(op, l, r))).ToArray();

    private static Func<Value, Value?, Value?> PathFallback(Operator op) => PathFallbacks[(int)op];

    private static Value? PathBinary(Operator op, Value? left, Value? right)
    {
        var l = left is null ? (PathParts?)null : AsPath(left);
        var r = right is null ? (PathParts?)null : AsPath(right);
        switch (op)
        {
            case Operator.Div when l is { IsPathObject: true } directory:
                return Make(Join(directory, r));
            case Operator.Add when left is PathListingValue first && right is PathListingValue second && first.Kind == second.Kind:
                // glob('/a/*') + glob('/b/*'): a listing of either pattern.
                var patterns = first.Patterns.Concat(second.Patterns).Distinct().ToImmutableArray();
                return patterns.Length <= PathListingValue.MaxPatterns ? new PathListingValue(patterns, first.Kind) : null;
            case Operator.Add:
                return Concat(l, r) is { } joined ? Make(joined) : null;
            default:
                return null;
        }
    }

    /// <summary>An f-string field holding a path: its text, when no format spec or conversion changes it.</summary>
    private static Value? FormattedPath(Value value, Value? spec, char? conversion) =>
        value is PathValue path && spec is ConstValue { Constant: PyStr { Value.Length: 0 } } && conversion is null or 's'
            ? ToStr(new PathParts(path.Root, path.Rest, false))
            : null;

    /// <summary>What <c>with</c> binds for context managers whose <c>__enter__</c> returns something other than themselves.</summary>
    private static ValueSet EnterValue(ValueSet manager) =>
        manager.Single is InstanceValue { TypeName: "tempfile.TemporaryDirectory" }
            ? ValueSet.Of(new PathValue(PathRoot.OwnTemporary, string.Empty, false))
            : manager;

    private ValueSet JoinParts(IReadOnlyList<ValueSet> parts, bool isPathObject)
    {
        var current = new List<PathParts>();
        var first = parts[0];
        foreach (var item in first.Items)
        {
            if (AsPath(item) is { } path)
            {
                current.Add(path with { IsPathObject = isPathObject });
            }
        }

        if (first.MayBeOther || current.Count < first.Items.Length)
        {
            current.Add(new PathParts(PathRoot.Unknown, string.Empty, isPathObject));
        }

        current = JoinEach(current, parts.Skip(1));
        if (current is null || (!isPathObject && current.All(IsUninformative)))
        {
            return ValueSet.Unknown;
        }

        return ValueSet.FromItems(current.Select(p => Make(p)));
    }

    private PathParts? JoinParts(PathParts start, IReadOnlyList<ValueSet> parts) =>
        JoinEach([start], parts) is [var single] ? single : null;

    /// <summary>Joins every combination of parts, or null when there are too many to track.</summary>
    private List<PathParts>? JoinEach(List<PathParts> current, IEnumerable<ValueSet> parts)
    {
        foreach (var part in parts)
        {
            var next = new List<PathParts>();
            foreach (var path in current)
            {
                foreach (var item in part.Items)
                {
                    next.Add(Join(path, AsPath(item)));
                }

                if (part.MayBeOther || part.Items.IsEmpty)
                {
                    next.Add(Join(path, null));
                }
            }

            current = next.Distinct().ToList();
            if (current.Count > ValueSet.MaxItems)
            {
                return null;
            }
        }

        return current;
    }

    private ValueSet MapPaths(ValueSet input, Func<PathParts, Value?> operation)
    {
        var results = new List<Value>();
        var unknown = input.MayBeOther;
        foreach (var item in input.Items)
        {
            if (AsPath(item) is { } path && operation(path) is { } result)
            {
                results.Add(result);
            }
            else
            {
                unknown = true;
            }
        }

        return ValueSet.FromItems(results, unknown);
    }

    private static PathValue AsPathValue(PathParts path) => new(path.Root, path.Rest, path.IsPathObject);

    /// <summary>A path of which nothing is known: no better than an unknown value.</summary>
    private static bool IsUninformative(PathParts path) =>
        path.Root == PathRoot.Unknown && path.Rest.All(c => c is PathValue.UnknownPart or '/');
}
