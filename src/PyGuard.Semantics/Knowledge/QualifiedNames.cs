using System.Collections.Frozen;

namespace PyGuard.Semantics.Knowledge;

/// <summary>
/// Canonical spelling of qualified names, so that every route to the same object compares equal:
/// <c>posix.system</c> and <c>nt.system</c> are <c>os.system</c>, <c>__builtin__</c> is <c>builtins</c>,
/// and a module reached as an attribute of another (<c>logging.os</c>, <c>shutil.os.system</c>) is the
/// module itself, because a module that imports <c>os</c> exposes it under that name.
/// </summary>
public static class QualifiedNames
{
    private static readonly FrozenDictionary<string, string> ModuleAliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["posix"] = "os",
        ["nt"] = "os",
        ["__builtin__"] = "builtins",
        ["_io"] = "io",
        ["cPickle"] = "pickle",
        ["_pickle"] = "pickle",
        ["_posixsubprocess"] = "subprocess",
        ["_socket"] = "socket",
        ["_thread"] = "threading",
        ["thread"] = "threading",
        ["commands"] = "subprocess",
        ["_ctypes"] = "ctypes",
        ["_imp"] = "imp",
        ["_frozen_importlib"] = "importlib",
        ["_frozen_importlib_external"] = "importlib",
        ["_signal"] = "signal",
        ["_marshal"] = "marshal",
        ["_winapi"] = "subprocess",
        ["_multiprocessing"] = "multiprocessing",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> MemberAliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["io.open"] = "builtins.open",
        ["codecs.open"] = "builtins.open",
        ["os.path.os"] = "os",
        ["importlib.__import__"] = "builtins.__import__",
        ["builtins.__builtins__"] = "builtins",
        ["os.popen2"] = "os.popen",
        ["os.popen3"] = "os.popen",
        ["os.popen4"] = "os.popen",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Modules whose name, reached as an attribute of any other module, is taken to be that module
    /// (<c>logging.os</c> is <c>os</c>). Only names that a legitimate module attribute would not reuse.
    /// </summary>
    private static readonly FrozenSet<string> ReexportedModules = FrozenSet.ToFrozenSet(
    [
        "os", "sys", "subprocess", "builtins", "importlib", "ctypes", "socket", "pty", "shutil", "pickle",
        "marshal", "posix", "nt", "multiprocessing", "_thread", "runpy", "imp", "_posixsubprocess",
    ], StringComparer.Ordinal);

    /// <summary>The canonical form of a dotted module path (<c>posix</c> becomes <c>os</c>).</summary>
    public static string CanonicalModule(string module)
    {
        var dot = module.IndexOf('.');
        var head = dot < 0 ? module : module[..dot];
        if (ModuleAliases.TryGetValue(head, out var alias))
        {
            module = dot < 0 ? alias : alias + module[dot..];
        }

        return MemberAliases.GetValueOrDefault(module, module);
    }

    /// <summary>The qualified name of <paramref name="attribute"/> read from the object named <paramref name="owner"/>.</summary>
    public static string Member(string owner, string attribute)
    {
        // socket.socket is the class of module socket, not a re-export: only another module's attribute counts.
        if (ReexportedModules.Contains(attribute) && owner != "builtins" && !owner.StartsWith("builtins.", StringComparison.Ordinal) &&
            TopLevel(owner) != attribute)
        {
            return CanonicalModule(attribute);
        }

        var name = owner + "." + attribute;
        return MemberAliases.GetValueOrDefault(name, name);
    }

    /// <summary>
    /// The top-level packages an owner must belong to for <see cref="Member"/> of it to be one of
    /// <paramref name="names"/>: the package of each name itself and of every alias that stands for it.
    /// Null when some name is reachable from an owner of any package (a re-exported module).
    /// </summary>
    public static FrozenSet<string>? OwnerPackagesReaching(IEnumerable<string> names)
    {
        var packages = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (ReexportedModules.Any(module => CanonicalModule(module) == name))
            {
                return null;
            }

            packages.Add(TopLevel(name));
            foreach (var (alias, canonical) in MemberAliases)
            {
                if (canonical == name)
                {
                    packages.Add(TopLevel(alias));
                }
            }
        }

        return packages.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>Whether <paramref name="name"/> is <paramref name="module"/> or something inside it.</summary>
    public static bool IsWithin(string name, string module) =>
        name.Length == module.Length ? name == module :
        name.Length > module.Length && name[module.Length] == '.' && name.StartsWith(module, StringComparison.Ordinal);

    /// <summary>The first component: the top-level package.</summary>
    public static string TopLevel(string name)
    {
        var dot = name.IndexOf('.');
        return dot < 0 ? name : name[..dot];
    }
}
