using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Analyzers.Exec;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Obfuscation;

/// <summary>PG801: code that is decoded or decompressed and then executed.</summary>
public sealed class ExecOfDecodedPayload : Analyzer
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG801", "Execution of a decoded payload", "{0} executes {1}",
        RuleCategory.Obfuscation, Severity.Error, Confidence.High, 9.5, [506, 95],
        whatItDoes: "Reports `eval`, `exec` and `compile` (however reached) whose argument was produced by a decoder or decompressor — base64/base32/base16/base85, hex, `codecs.decode` (rot13, zlib, ...), `zlib`/`gzip`/`bz2`/`lzma`, `marshal.loads` — directly or through a variable, and those whose argument folds to code that is written nowhere in the file (assembled by XOR, character codes, hidden tag characters, ...). When the payload is constant, PG201 also scans what it decodes to.",
        why: "Encoding a program before running it has one purpose: keeping the program out of sight of reviewers and scanners. It is the signature of malware droppers and of agents steered by prompt injection.",
        example: "import base64\nexec(base64.b64decode('aW1wb3J0IG9zOyBvcy5zeXN0ZW0oJ2lkJyk='))",
        instead: "Ship the code as source.");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterCallAction(Analyze, DynamicCodeExecution.CodeExecutors);

    private static void Analyze(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        var executor = context.Model.CalleeIn(call, DynamicCodeExecution.CodeExecutors);
        if (executor is null || call.Argument(0, "source") is not { } argument)
        {
            return;
        }

        if (DecodingCalls.FindDecoder(context.Model, argument) is { } decoder)
        {
            context.ReportHere(Descriptor, executor["builtins.".Length..], $"code decoded with {decoder}");
            return;
        }

        // The payload is known, but nowhere written: it was assembled (XOR, chr codes, tag characters...).
        var payload = context.Model.ValueOf(argument);
        if (argument is not ExprConstant && !payload.MayBeOther && IsAssembled(context.Model, payload))
        {
            context.ReportHere(Descriptor, executor["builtins.".Length..], "code assembled at run time");
        }
    }

    // A method of its own, so that the analysis of every other call allocates no closure.
    private static bool IsAssembled(SemanticModel model, ValueSet payload) =>
        payload.Strings.Any() && payload.Strings.All(code => code.Length >= 8 && !model.IsWrittenLiteral(code));
}
