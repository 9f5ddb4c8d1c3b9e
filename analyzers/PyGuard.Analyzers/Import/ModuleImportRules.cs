using System.Collections.Immutable;
using PyGuard.Analyzers.Catalogs;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Engine.Policies;
using PyGuard.Semantics;

namespace PyGuard.Analyzers.Import;

/// <summary>
/// PG101-PG103: what each imported module is — dangerous by the catalogue, denied by the policy, or an
/// unknown third-party module — for every import the semantic model found, static or dynamic. The
/// three rules share one pass over the imports because they answer one question about each.
/// </summary>
public sealed class ModuleImportRules : Analyzer
{
    public static readonly RuleDescriptor DangerousModule = Rule.Define(
        "PG101", "Import of a dangerous module", "import of '{0}': it {1}",
        RuleCategory.Import, Severity.Error, Confidence.High, 8.0, [676, 78],
        whatItDoes: "Reports imports — `import x`, `from x import y`, and dynamic imports whose module name the analysis resolved — of modules that give code powers beyond computing: starting processes (`subprocess`, `pty`, `multiprocessing`), native memory access (`ctypes`, `cffi`), code loading (`marshal`, `runpy`, `imp`), installing packages, keylogging, offensive network toolkits. Each module's severity and reason come from rules/catalog/modules.toml.",
        why: "Python cannot be sandboxed from the inside: one call into `ctypes` or `subprocess` leaves the interpreter and every restriction it could impose. Code written by an agent for a data task has no need for them, so their presence is the strongest single signal that the code reaches for more than it should.",
        example: "import subprocess\nsubprocess.run(['curl', 'http://example.com/x.sh'])",
        instead: "Do the work in Python with the standard library or an allowed package. If the capability is genuinely required, run the code under `pyguard run` with the audit policy or allow the module in a policy file you control.",
        safeExample: "import json\nwith open('data.json') as f:\n    data = json.load(f)",
        "https://docs.python.org/3/library/subprocess.html#security-considerations");

    public static readonly RuleDescriptor DeniedModule = Rule.Define(
        "PG102", "Import of a module the policy denies", "import of '{0}', which the policy '{1}' denies",
        RuleCategory.Import, Severity.Error, Confidence.High, 7.5, [829],
        whatItDoes: "Reports imports of modules listed under `[modules] deny` in the policy (patterns such as `requests` or `boto3.*` match submodules as well).",
        why: "A deny list records a decision made by whoever runs the gate: the code may not use these modules at all, however they are reached — statically, through `__import__`, or through `importlib`.",
        example: "# pyguard.toml: [modules] deny = [\"requests\"]\nimport requests",
        instead: "Use a module the policy allows, or change the policy.");

    public static readonly RuleDescriptor UnknownModule = Rule.Define(
        "PG103", "Import of an unknown third-party module", "import of '{0}', which is neither standard library nor on the policy's allow list",
        RuleCategory.Import, Severity.Warning, Confidence.Medium, 4.0, [829],
        whatItDoes: "Reports imports of modules that are not in the standard library, not in the catalogue of known modules and not allowed by the policy. The agent policy allows the widely used data and document libraries (numpy, pandas, matplotlib, openpyxl, python-docx, odfpy, Pillow, ...). The severity is the policy's `unknown-imports` setting.",
        why: "An unknown package can do anything at import time, and agents are known to hallucinate package names that attackers then register (slopsquatting). A human should confirm the dependency before the code runs.",
        example: "import totally_real_helper_lib",
        instead: "Use the standard library or an allowed package, or add the module to `[modules] allow` in your policy.",
        safeExample: "import pandas as pd");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [DangerousModule, DeniedModule, UnknownModule];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterFileAction(Analyze);

    private static void Analyze(FileContext context)
    {
        var reported = new HashSet<(Syntax.Tree.Node, string)>();
        foreach (var import in context.Model.Imports)
        {
            if (import.Kind == ImportKind.Unresolved || import.Module.StartsWith('.'))
            {
                continue;
            }

            // `from pkg import sub` may import the submodule pkg.sub; judge the most specific name known.
            var module = import.Member is not null && ModuleCatalog.Find(import.QualifiedName) is { } memberInfo && memberInfo.Module == import.QualifiedName
                ? import.QualifiedName : import.Module;
            if (!reported.Add((import.Node, module)))
            {
                continue;
            }

            var policy = context.Policy;
            if (policy.DeniedModules.Matches(module) || (import.Member is not null && policy.DeniedModules.Matches(import.QualifiedName)))
            {
                context.Report(DeniedModule, import.Node.Span, null, null, module, policy.Name);
                continue;
            }

            if (policy.AllowedModules.Matches(module))
            {
                continue;
            }

            var info = ModuleCatalog.Find(module);
            if (info is not null)
            {
                if (info.Severity is { } severity)
                {
                    context.Report(DangerousModule, import.Node.Span, severity, null, module, info.Reason);
                }

                continue;
            }

            if (!ModuleCatalog.IsStandardLibrary(module) && policy.UnknownImports != RuleSetting.Off)
            {
                var severity = policy.UnknownImports switch
                {
                    RuleSetting.Error => Severity.Error,
                    RuleSetting.Note => Severity.Note,
                    _ => Severity.Warning,
                };
                context.Report(UnknownModule, import.Node.Span, severity, null, module);
            }
        }
    }
}
