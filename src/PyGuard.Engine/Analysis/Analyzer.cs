using System.Collections.Immutable;
using PyGuard.Engine.Model;

namespace PyGuard.Engine.Analysis;

/// <summary>
/// A check, in the manner of a Roslyn analyzer: it declares the rules it reports and, once, registers
/// callbacks for the node kinds it wants; one walk of each file dispatches to every analyzer. Analyzers
/// keep no mutable state (everything per file lives in the contexts), so one instance serves every file
/// on every thread.
/// </summary>
public abstract class Analyzer
{
    /// <summary>The rules this analyzer may report; reporting any other is an error.</summary>
    public abstract ImmutableArray<RuleDescriptor> SupportedRules { get; }

    /// <summary>Registers the callbacks. Called once per analyzer instance.</summary>
    public abstract void Initialize(AnalysisRegistration registration);

    /// <summary>A name for internal-error findings and logs.</summary>
    public virtual string Name => GetType().Name;
}
