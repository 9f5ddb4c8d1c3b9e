using System.Collections.Immutable;
using PyGuard.Analyzers.Escape;
using PyGuard.Analyzers.Exec;
using PyGuard.Analyzers.Exfil;
using PyGuard.Analyzers.Filesystem;
using PyGuard.Analyzers.Import;
using PyGuard.Analyzers.Obfuscation;
using PyGuard.Analyzers.Redos;
using PyGuard.Analyzers.Resource;
using PyGuard.Engine.Analysis;

namespace PyGuard.Analyzers;

/// <summary>Every analyzer PyGuard ships, in rule-id order. Each is stateless and shared by all scans.</summary>
public static class BuiltInAnalyzers
{
    public static ImmutableArray<Analyzer> All { get; } =
    [
        // import (PG1xx)
        new ModuleImportRules(),
        new DynamicImportRules(),
        new DangerousOsFunction(),
        new ImportSystemTampering(),

        // exec (PG2xx)
        new DynamicCodeExecution(),
        new CodeExecutorAsValue(),
        new ProgramRunnerAsValue(),
        new UnsafeDeserialization(),
        new ShellCommand(),
        new ProcessExecution(),
        new RuntimePackageInstall(),
        new CodeLoading(),

        // escape (PG3xx)
        new ObjectModelTraversal(),
        new FunctionInternals(),
        new FrameIntrospection(),
        new DunderReflection(),
        new FormatStringTraversal(),
        new CodeObjectConstruction(),
        new BuiltinsNamespaceAccess(),
        new GarbageCollectorIntrospection(),
        new ForeignDictAccess(),
        new PickleGadget(),

        // resource (PG4xx)
        new InfiniteLoop(),
        new StaleLoopCondition(),
        new InfiniteIteration(),
        new UnboundedRecursion(),
        new AllocationBomb(),
        new ComputationBomb(),
        new LongSleep(),
        new ProcessBomb(),

        // redos (PG5xx)
        new RegexBacktracking(),
        new RegexInjection(),

        // exfil (PG6xx)
        new SensitiveDataToNetwork(),
        new SensitiveDataToProcess(),
        new DnsExfiltration(),
        new ShadyEndpoint(),
        new NetworkUse(),
        new CredentialFileRead(),
        new HiddenUrl(),

        // filesystem (PG7xx)
        new DestructiveFileOperation(),
        new PersistenceWrite(),
        new PermissionWidening(),
        new SymlinkOutside(),
        new DeviceWrite(),
        new WriteOutsideWorkingDirectory(),

        // obfuscation (PG8xx)
        new ExecOfDecodedPayload(),
        new EncodedBlob(),
        new CharCodeStringBuilding(),
        new HomoglyphIdentifier(),
        new InvisibleCharacters(),
        new HiddenName(),
        new DisguisingSourceEncoding(),
    ];
}
