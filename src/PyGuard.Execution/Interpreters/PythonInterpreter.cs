using System.Collections.Concurrent;
using System.Collections.Immutable;
using PyGuard.Execution.Host;

namespace PyGuard.Execution.Interpreters;

/// <summary>
/// A resolved CPython interpreter: the real executable (never a pyenv shim, whose bash wrapper costs about
/// 190 ms a start), its version, whether it has ctypes (the bootstrap needs it for Landlock and seccomp), and
/// the paths it reads at run time — what the sandbox binds read-only or Landlock allows.
/// </summary>
internal sealed record PythonInterpreter(
    string Executable, string BasePrefix, Version Version, bool HasCtypes, ImmutableArray<string> ReadOnlyPaths)
{
    private static readonly Version Minimum = new(3, 8);
    private static readonly ConcurrentDictionary<string, Lazy<PythonInterpreter>> Resolved = new(StringComparer.Ordinal);

    private const string ProbeScript = """
        import importlib.util, os, site, sys, sysconfig
        paths = [sysconfig.get_path(name) for name in ("stdlib", "platstdlib", "purelib", "platlib")]
        paths += site.getsitepackages()
        if sysconfig.get_config_var("Py_ENABLE_SHARED"):
            libdir, soname = sysconfig.get_config_var("LIBDIR"), sysconfig.get_config_var("INSTSONAME")
            if libdir and soname:
                paths.append(os.path.join(libdir, soname))
        print(os.path.realpath(sys.executable))
        print(os.path.realpath(sys.base_prefix))
        print("%d.%d.%d" % sys.version_info[:3])
        print(int(importlib.util.find_spec("_ctypes") is not None))
        for path in paths:
            if path and os.path.exists(path):
                print(os.path.realpath(path))
        """;

    /// <summary>Resolves an interpreter once per process; null means <c>python3</c> on PATH.</summary>
    public static PythonInterpreter Resolve(string? requested)
    {
        var key = requested ?? "";
        var lazy = Resolved.GetOrAdd(key, k => new Lazy<PythonInterpreter>(() => Probe(k.Length == 0 ? null : k)));
        try
        {
            return lazy.Value;
        }
        catch (ExecutionSetupException)
        {
            // A failed resolution is not cached: the user may install the interpreter and try again.
            Resolved.TryRemove(new KeyValuePair<string, Lazy<PythonInterpreter>>(key, lazy));
            throw;
        }
    }

    private static PythonInterpreter Probe(string? requested)
    {
        var candidate = requested ?? CommandProbe.FindExecutable("python3")
            ?? throw new ExecutionSetupException("no python3 on PATH; give the interpreter explicitly");
        var outcome = CommandProbe.Run(candidate, ["-I", "-S", "-c", ProbeScript], TimeSpan.FromSeconds(30));
        var lines = outcome.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!outcome.Succeeded || lines.Length < 4 || !Version.TryParse(lines[2], out var version))
        {
            var why = outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "no output";
            throw new ExecutionSetupException($"'{candidate}' is not a working Python interpreter ({why.Trim()})");
        }

        if (version < Minimum)
        {
            throw new ExecutionSetupException($"'{candidate}' is Python {version}; the sandbox needs Python 3.8 or later (audit hooks)");
        }

        var executable = lines[0];
        var paths = lines.Skip(4).Append(executable).Distinct(StringComparer.Ordinal).ToList();
        return new PythonInterpreter(executable, lines[1], version, lines[3] == "1", [.. Outermost(paths)]);
    }

    /// <summary>Drops every path that lies inside another one of the list.</summary>
    private static IEnumerable<string> Outermost(List<string> paths) =>
        paths.Where(p => !paths.Any(q => q != p && p.StartsWith(q.TrimEnd('/') + "/", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);
}
