using System.Reflection;
using System.Runtime.Loader;

namespace PyGuard.BuildCompare;

/// <summary>
/// One build of PyGuard, loaded from its output folder into an assembly load context of its own so that
/// several builds of the same assemblies live side by side in one process, each with a scanner under the
/// audit policy (the one the benchmarks use).
/// </summary>
internal sealed class BuildUnderTest
{
    private readonly Func<ReadOnlyMemory<byte>, string, object> _scan;

    private BuildUnderTest(string directory, Func<ReadOnlyMemory<byte>, string, object> scan)
    {
        Name = Path.GetFileName(Path.TrimEndingDirectorySeparator(directory));
        _scan = scan;
    }

    /// <summary>The build's folder name, which says which commit it is.</summary>
    public string Name { get; }

    public static BuildUnderTest Load(string directory)
    {
        var context = new FolderLoadContext(Path.GetFullPath(directory));
        var gate = context.LoadFromAssemblyName(new AssemblyName("PyGuard.Gate"));
        var engine = context.LoadFromAssemblyName(new AssemblyName("PyGuard.Engine"));

        // Through reflection: the types are this build's own, not ones this tool could reference.
        var policy = engine.GetType("PyGuard.Engine.Policies.Policy", throwOnError: true)!
            .GetProperty("Audit", BindingFlags.Public | BindingFlags.Static)!.GetValue(null);
        var scannerType = gate.GetType("PyGuard.PythonScanner", throwOnError: true)!;
        var constructor = scannerType.GetConstructors()
            .Single(c => c.GetParameters() is [{ ParameterType.Name: "Policy" }, { ParameterType.Name: "ILogger" }]);
        var scanner = constructor.Invoke([policy, null]);
        var scan = scannerType.GetMethod("Scan", [typeof(ReadOnlyMemory<byte>), typeof(string)])
            ?? throw new InvalidOperationException($"{directory}: PythonScanner has no Scan(ReadOnlyMemory<byte>, string)");
        return new BuildUnderTest(directory, scan.CreateDelegate<Func<ReadOnlyMemory<byte>, string, object>>(scanner));
    }

    public void ScanAll(byte[][] sources)
    {
        foreach (var source in sources)
        {
            _scan(source, "stdlib.py");
        }
    }

    /// <summary>Resolves a build's assemblies from its folder; the framework's come from the default context.</summary>
    private sealed class FolderLoadContext(string folder) : AssemblyLoadContext(isCollectible: false)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var path = Path.Combine(folder, assemblyName.Name + ".dll");
            return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
