using System.Collections.Immutable;
using PyGuard.Engine.Model;

namespace PyGuard.Engine.Pipeline;

/// <summary>
/// The rules the engine reports itself (PG9xx): code that cannot be parsed or analysed. Under the agent
/// policy each of them blocks, because code the gate could not read is code the gate cannot vouch for.
/// </summary>
public static class EngineRules
{
    public static readonly RuleDescriptor SyntaxError = new(
        "PG901", "Code that does not parse", "{0}", RuleCategory.Syntax, Severity.Error, Confidence.High, 8.0, [20],
        new RuleHelp(
            WhatItDoes: "Reports source that CPython 3.13 would refuse to compile: invalid syntax, bad indentation, undecodable bytes, an unknown source encoding, NUL bytes, or nesting deeper than the parser accepts.",
            WhyItIsDangerous: "A scanner that reads a file differently from the interpreter can be walked around: code that the scanner cannot parse is code whose behaviour it cannot vouch for. The gate therefore blocks it rather than guessing.",
            Example: "def f(:\n    return 1",
            Instead: "Fix the syntax error; the message gives CPython's wording and position.")
        {
            SafeExample = "def f(x):\n    return x",
        });

    public static readonly RuleDescriptor AnalyzerFailed = new(
        "PG902", "An analyzer failed on this file", "analyzer {0} failed ({1}: {2}); its checks did not run on this file",
        RuleCategory.Syntax, Severity.Error, Confidence.High, 7.0, [703],
        new RuleHelp(
            WhatItDoes: "Reports that one of PyGuard's analyzers raised an internal error on this file. The other analyzers still ran.",
            WhyItIsDangerous: "A check that did not run cannot clear the code. Input crafted to crash a check is a way to smuggle past it, so the gate fails closed.",
            Example: "# any file on which an analyzer throws",
            Instead: "Report the file to the PyGuard maintainers; until it is fixed, review the code by hand."));

    public static readonly RuleDescriptor AnalysisIncomplete = new(
        "PG903", "Analysis incomplete", "analysis incomplete: {0}",
        RuleCategory.Syntax, Severity.Error, Confidence.Medium, 6.0, [400],
        new RuleHelp(
            WhatItDoes: "Reports that the semantic analysis of a file stopped before the end: its work budget ran out, the code was nested too deeply, or encoded payloads were nested inside each other more than three levels deep.",
            WhyItIsDangerous: "The analysis is bounded so that no input can hang or exhaust the scanner; code that reaches those bounds is either unusually large or built to exhaust the analysis, and its later parts were not fully understood.",
            Example: "exec(b64decode(b64decode(b64decode(b64decode('...')))))",
            Instead: "Split very large generated files, remove layers of encoding, or scan the file under the audit policy where this is a note."));

    public static ImmutableArray<RuleDescriptor> All { get; } = [SyntaxError, AnalyzerFailed, AnalysisIncomplete];
}
