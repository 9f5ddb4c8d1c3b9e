using System.Collections.Immutable;
using System.Runtime.InteropServices;
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
public sealed record Taint(TaintOrigin Origin)
{
    /// <summary>Steps kept per flow; a longer path keeps its first steps (the source end is the informative one).</summary>
    public const int MaxSteps = 24;

    private static readonly object[] KindKeys = [.. Enum.GetValues<SourceKind>().Select(kind => (object)kind)];

    /// <summary>The steps, last first, shared with the taints this one was extended from.</summary>
    private StepList? Path { get; init; }

    /// <summary>The source, once the taint is resolved (always, for what <see cref="TaintAnalysis.TaintOf"/> returns).</summary>
    public TaintSource? Source => Origin as TaintSource;

    /// <summary>The steps from the origin to here, first step first.</summary>
    public ImmutableArray<TaintStep> Steps => Path?.ToArray() ?? [];

    /// <summary>Taints with the same key are the same fact; only the first path found is kept.</summary>
    internal object Key { get; } = Origin is TaintSource source ? KindKeys[(int)source.Kind] : Origin;

    public Taint Then(TaintStep step) => Path?.Count >= MaxSteps ? this : this with { Path = new StepList(step, Path) };

    /// <summary>The same taint followed by the steps of <paramref name="later"/>, as many as the limit allows.</summary>
    public Taint Then(Taint later)
    {
        var result = this;
        foreach (var step in later.Steps)
        {
            result = result.Then(step);
        }

        return result;
    }

    /// <summary>An immutable list of steps that shares its beginning with the lists it was extended from.</summary>
    private sealed class StepList(TaintStep step, StepList? previous)
    {
        public TaintStep Step { get; } = step;

        public StepList? Previous { get; } = previous;

        public int Count { get; } = (previous?.Count ?? 0) + 1;

        public ImmutableArray<TaintStep> ToArray()
        {
            var steps = new TaintStep[Count];
            var index = Count;
            for (var node = this; node is not null; node = node.Previous)
            {
                steps[--index] = node.Step;
            }

            return [.. steps];
        }
    }
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

        List<Taint>? added = null;
        foreach (var taint in other.Items)
        {
            // Real sources are few (one per kind); parameters are capped so that sets stay small.
            var count = Items.Length + (added?.Count ?? 0);
            if ((taint.Source is not null || count < MaxItems) &&
                !Contains(Items.AsSpan(), taint.Key) && !Contains(CollectionsMarshal.AsSpan(added), taint.Key))
            {
                (added ??= []).Add(taint);
                changed = true;
            }
        }

        return added is null ? this : new TaintSet(Items.AddRange(added));
    }

    private static bool Contains(ReadOnlySpan<Taint> taints, object key)
    {
        foreach (var taint in taints)
        {
            if (Equals(taint.Key, key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The same taints, each with one more step.</summary>
    public TaintSet Then(TaintStep step) => IsEmpty ? this : new TaintSet([.. Items.Select(t => t.Then(step))]);

    public TaintSet Where(Func<Taint, bool> predicate) => IsEmpty ? this : new TaintSet([.. Items.Where(predicate)]);

    public TaintSet Select(Func<Taint, Taint> selector) => IsEmpty ? this : new TaintSet([.. Items.Select(selector)]);
}
