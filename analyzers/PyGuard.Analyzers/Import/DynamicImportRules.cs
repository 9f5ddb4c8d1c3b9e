using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics;

namespace PyGuard.Analyzers.Import;

/// <summary>
/// PG104-PG105: imports made at run time — by <c>__import__</c>, <c>importlib.import_module</c> or
/// <c>sys.modules</c> — and especially those whose module name is built rather than written.
/// </summary>
public sealed class DynamicImportRules : Analyzer
{
    public static readonly RuleDescriptor DynamicImport = Rule.Define(
        "PG104", "Dynamic import", "{0}",
        RuleCategory.Import, Severity.Warning, Confidence.Medium, 5.0, [470],
        whatItDoes: "Reports imports made at run time through `__import__`, `importlib.import_module`, `importlib.__import__` or `sys.modules[...]`. When the analysis could not determine the module name it is a warning; when it could (a plain literal), it is a note and the module itself is judged by PG101-PG103.",
        why: "A computed import can load any module, including the ones the gate would block if they were imported by name. Everyday agent code imports modules by name.",
        example: "mod = __import__(input('module? '))",
        instead: "Import the modules you need by name at the top of the file.",
        safeExample: "import json");

    public static readonly RuleDescriptor ObfuscatedImport = Rule.Define(
        "PG105", "Import of a module whose name is hidden", "import of '{0}' through a name built at run time",
        RuleCategory.Import, Severity.Error, Confidence.High, 8.5, [506],
        whatItDoes: "Reports dynamic imports whose module name is not written as a literal but produced by string building that the analysis folded: reversal (`'so'[::-1]`), concatenation, `chr` codes, `join`, base64 or hex decoding, helper functions.",
        why: "Nobody spells a module name backwards by accident. Hiding the name of an imported module serves only to get past scanners that compare names as text, so the hiding itself is the finding.",
        example: "m = __import__('so'[::-1])\nm.system('id')",
        instead: "Write `import os` (and expect it to be judged on what it does).");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [DynamicImport, ObfuscatedImport];

    public override void Initialize(AnalysisRegistration registration) => registration.RegisterFileAction(Analyze);

    private static void Analyze(FileContext context)
    {
        foreach (var import in context.Model.Imports)
        {
            switch (import.Kind)
            {
                case ImportKind.Unresolved:
                    context.Report(DynamicImport, import.Node.Span, Severity.Warning, Confidence.Medium,
                        "dynamic import of a module whose name is only known at run time");
                    break;
                case ImportKind.Dynamic when import.NameWasComputed:
                    context.Report(ObfuscatedImport, import.Node.Span, null, null, import.Module);
                    break;
                case ImportKind.Dynamic:
                    context.Report(DynamicImport, import.Node.Span, Severity.Note, Confidence.High, $"dynamic import of '{import.Module}'");
                    break;
            }
        }
    }
}
