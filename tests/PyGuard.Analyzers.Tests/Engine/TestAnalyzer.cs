using System.Collections.Immutable;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Engine.Pipeline;
using PyGuard.Engine.Policies;

namespace PyGuard.Analyzers.Tests.Engine;

/// <summary>An analyzer for tests of the engine: it reports no rule, and records what its callbacks see.</summary>
internal abstract class TestAnalyzer : Analyzer
{
    public override ImmutableArray<RuleDescriptor> SupportedRules => [];

    /// <summary>Scans each file in turn with one engine made of <paramref name="analyzers"/> alone.</summary>
    public static void Scan(IEnumerable<string> files, params Analyzer[] analyzers)
    {
        var engine = new ScanEngine(analyzers);
        foreach (var code in files)
        {
            engine.Scan(code, "test.py", Policy.Agent);
        }
    }
}
