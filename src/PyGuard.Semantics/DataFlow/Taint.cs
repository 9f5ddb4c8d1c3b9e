using System.Collections.Immutable;
using PyGuard.Syntax.Text;
using PyGuard.Syntax.Tree;

namespace PyGuard.Semantics.DataFlow;

/// <summary>What kind of sensitive data a value carries.</summary>
public enum SourceKind
{
    /// <summary>Environment variables (API keys, tokens), read however: <c>os.environ</c>, <c>os.getenv</c>, dotenv.</summary>
    Environment,

    /// <summary>The content of a credential or key file: <c>~/.ssh/id_rsa</c>, <c>~/.aws/credentials</c>, browser profiles.</summary>
    CredentialFile,

    /// <summary>The path of such a file: harmless as text, but a tool given it (curl, scp, SFTP) reads and sends the file.</summary>
    CredentialPath,

    /// <summary>Who and where the code runs: user name, host name, MAC address.</summary>
    HostIdentity,

    /// <summary>The clipboard, which often holds a password just copied.</summary>
    Clipboard,

    /// <summary>What a started process printed (<c>env</c>, <c>git config --list</c>, <c>aws configure export-credentials</c>).</summary>
    ProcessOutput,

    /// <summary>A secret from the desktop keyring or a password store.</summary>
    SecretStore,
}

/// <summary>Where tainted data comes from: a source in the code, or (inside a function) one of its parameters.</summary>
public abstract record TaintOrigin;

/// <summary>A point where sensitive data enters the program.</summary>
public sealed record TaintSource(SourceKind Kind, string Description, TextSpan Span) : TaintOrigin
{
    /// <summary>The environment variable read, when the source is one variable named in the code.</summary>
    public string? Variable { get; init; }

    /// <summary>Whether the value is the sensitive data itself rather than the path of a file holding it.</summary>
    public bool IsContent => Kind != SourceKind.CredentialPath;
}

/// <summary>The data a function received in a parameter: resolved to real sources through the function's call sites.</summary>
internal sealed record ParameterOrigin(Node Function, string Parameter) : TaintOrigin;

/// <summary>One step of a data flow: a location in the source and what happened to the data there.</summary>
public readonly record struct TaintStep(TextSpan Span, string Description);

/// <summary>Sensitive data from one origin, with the steps it took from there to the expression that holds it.</summary>
public sealed record Taint(TaintOrigin Origin, ImmutableArray<TaintStep> Steps)
{
    /// <summary>Steps kept per flow; a longer path keeps its first steps (the source end is the informative one).</summary>
    public const int MaxSteps = 24;

    /// <summary>The source, once the taint is resolved (always, for what <see cref="TaintAnalysis.TaintOf"/> returns).</summary>
    public TaintSource? Source => Origin as TaintSource;

    public Taint Then(TaintStep step) => Steps.Length >= MaxSteps ? this : this with { Steps = Steps.Add(step) };

    /// <summary>The same taint followed by <paramref name="later"/> steps, as many as the limit allows.</summary>
    public Taint Then(ImmutableArray<TaintStep> later) =>
        later.IsEmpty || Steps.Length >= MaxSteps ? this : this with { Steps = Steps.AddRange(later.Take(MaxSteps - Steps.Length)) };

    /// <summary>Taints with the same key are the same fact; only the first path found is kept.</summary>
    internal object Key => Origin is TaintSource source ? source.Kind : Origin;
}

/// <summary>
/// The taints a value carries: at most one per kind of source and one per parameter, so that sets stay
/// small and every fixpoint over them ends after a few changes per location.
/// </summary>
public readonly struct TaintSet
{
    /// <summary>Most parameter origins a set keeps; sources are always kept.</summary>
    public const int MaxItems = 16;

    private readonly ImmutableArray<Taint> _items;

    private TaintSet(ImmutableArray<Taint> items) => _items = items;

    public static TaintSet Empty => default;

    public ImmutableArray<Taint> Items => _items.IsDefault ? [] : _items;

    public bool IsEmpty => Items.IsEmpty;

    public static TaintSet Of(Taint taint) => new([taint]);

    /// <summary>The resolved sources, first found first.</summary>
    public IEnumerable<Taint> Sources => Items.Where(t => t.Source is not null);

    public TaintSet Union(TaintSet other) => Union(other, out _);

    public TaintSet Union(TaintSet other, out bool changed)
    {
        changed = false;
        if (other.IsEmpty)
        {
            return this;
        }

        if (IsEmpty)
        {
            changed = true;
            return other;
        }

        var builder = Items.ToBuilder();
        foreach (var taint in other.Items)
        {
            // Real sources are few (one per kind); parameters are capped so that sets stay small.
            if ((taint.Source is not null || builder.Count < MaxItems) && !builder.Any(t => Equals(t.Key, taint.Key)))
            {
                builder.Add(taint);
                changed = true;
            }
        }

        return changed ? new TaintSet(builder.ToImmutable()) : this;
    }

    /// <summary>The same taints, each with one more step.</summary>
    public TaintSet Then(TaintStep step) => IsEmpty ? this : new TaintSet([.. Items.Select(t => t.Then(step))]);

    public TaintSet Where(Func<Taint, bool> predicate) => IsEmpty ? this : new TaintSet([.. Items.Where(predicate)]);

    public TaintSet Select(Func<Taint, Taint> selector) => IsEmpty ? this : new TaintSet([.. Items.Select(selector)]);
}
