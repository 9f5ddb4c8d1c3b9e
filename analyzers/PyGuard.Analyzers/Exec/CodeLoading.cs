using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Exec;

/// <summary>PG207: running code from files, modules or text through the import machinery and interpreter APIs.</summary>
public sealed class CodeLoading : Analyzer
{
    private static readonly FrozenSet<string> Loaders = FrozenSet.ToFrozenSet(
    [
        "runpy.run_path", "runpy.run_module", "runpy._run_module_as_main", "runpy._run_code",
        "imp.load_source", "imp.load_module", "imp.load_compiled", "imp.load_dynamic", "imp.load_package",
        "importlib.util.spec_from_file_location", "importlib.machinery.SourceFileLoader",
        "importlib.machinery.SourcelessFileLoader", "importlib.machinery.ExtensionFileLoader",
        "zipimport.zipimporter", "code.interact", "code.InteractiveInterpreter", "code.InteractiveConsole",
        "code.compile_command", "codeop.compile_command", "codeop.Compile", "codeop.CommandCompiler",
        "builtins.execfile", "builtins.breakpoint", "pdb.run", "pdb.runeval", "pdb.runcall", "pdb.set_trace",
        "timeit.timeit", "timeit.repeat", "timeit.Timer", "cProfile.run", "profile.run", "trace.Trace.run",
    ], StringComparer.Ordinal);

    private static readonly string[] LoaderMethods = [".exec_module", ".load_module", ".runsource", ".runcode", ".push", ".interact"];

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG207", "Code loaded from files or text", "{0} runs code the scanner did not see",
        RuleCategory.Exec, Severity.Error, Confidence.Medium, 7.5, [94, 829],
        whatItDoes: "Reports APIs that execute code from somewhere other than the scanned file: `runpy.run_path`/`run_module`, `imp.load_source`, `importlib.util.spec_from_file_location` and loaders' `exec_module`/`load_module`, `zipimport`, the `code` module's interactive interpreters, `pdb.run`, `breakpoint()` and the string-statement forms of `timeit` and `cProfile.run`.",
        why: "Each of these is an `exec` under another name: the code it runs was written to disk or built in memory by the snippet itself, or lies outside the scanned file, so the gate never judged it.",
        example: "import runpy\nopen('step2.py', 'w').write(payload)\nrunpy.run_path('step2.py')",
        instead: "Put the code in the scanned file (or in a module imported by name) so that it is scanned.");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterNodeAction(Analyze, NodeKind.ExprCall);

    private static void Analyze(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        var model = context.Model;
        var loader = model.CalleeIn(call, Loaders);
        if (loader is "timeit.timeit" or "timeit.repeat" or "timeit.Timer" && !model.ValueOf(call.Argument(0, "stmt") ?? call).Strings.Any())
        {
            // timeit with a callable is ordinary benchmarking; only its string form executes text.
            return;
        }

        if (loader is null)
        {
            loader = model.CalleeNames(call).FirstOrDefault(IsLoaderMethod);
        }

        if (loader is not null)
        {
            context.ReportHere(Descriptor, loader);
        }
    }

    // Static, so that the delegate is cached: rules run this for every call in a file.
    private static bool IsLoaderMethod(string name)
    {
        if (!(name.StartsWith("importlib.", StringComparison.Ordinal) || name.StartsWith("code.", StringComparison.Ordinal) ||
              name.StartsWith("zipimport.", StringComparison.Ordinal) || name.StartsWith("imp.", StringComparison.Ordinal)))
        {
            return false;
        }

        foreach (var method in LoaderMethods)
        {
            if (name.EndsWith(method, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
