using System.Collections.Immutable;
using System.Globalization;

namespace PyGuard.Engine.Model;

/// <summary>
/// The identity and documentation of a rule, in the manner of Roslyn's <c>DiagnosticDescriptor</c>. It is
/// the single source for <c>pyguard rules</c>, the pages of docs/rules and SARIF's rule metadata.
/// </summary>
public sealed record RuleDescriptor
{
    public RuleDescriptor(
        string id, string title, string messageFormat, RuleCategory category, Severity defaultSeverity,
        Confidence confidence, double securitySeverity, ImmutableArray<int> cwe, RuleHelp help)
    {
        if (!category.Owns(id))
        {
            throw new ArgumentException($"rule id {id} is outside the range of category {category.ToName()}", nameof(id));
        }

        if (securitySeverity is < 0.1 or > 10.0)
        {
            throw new ArgumentOutOfRangeException(nameof(securitySeverity), "security-severity must lie in 0.1-10");
        }

        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        Confidence = confidence;
        SecuritySeverity = securitySeverity;
        Cwe = cwe;
        Help = help;
    }

    /// <summary>PGnxx, n being the category.</summary>
    public string Id { get; }

    /// <summary>A short title in sentence case, no final full stop.</summary>
    public string Title { get; }

    /// <summary>A composite format string (<c>{0}</c>, <c>{1}</c>, ...) for the finding's message.</summary>
    public string MessageFormat { get; }

    public RuleCategory Category { get; }

    public Severity DefaultSeverity { get; }

    /// <summary>How often a finding of this rule is a true positive, on its own terms.</summary>
    public Confidence Confidence { get; }

    /// <summary>GitHub's security-severity, 0.1 to 10 (critical from 9.0, high from 7.0, medium from 4.0).</summary>
    public double SecuritySeverity { get; }

    public ImmutableArray<int> Cwe { get; }

    public RuleHelp Help { get; }

    public string FormatMessage(params object?[] args) =>
        args.Length == 0 ? MessageFormat : string.Format(CultureInfo.InvariantCulture, MessageFormat, args);
}

/// <summary>
/// A rule's documentation in the shape of a rule page: what it does, why it is dangerous, an example,
/// and what to do instead. Markdown for docs/rules and SARIF's <c>help.markdown</c> is rendered from it.
/// </summary>
public sealed record RuleHelp(string WhatItDoes, string WhyItIsDangerous, string Example, string Instead)
{
    /// <summary>Python code that the rule accepts, shown under "what to do instead"; optional.</summary>
    public string? SafeExample { get; init; }

    /// <summary>Links to the Python documentation, CVEs or papers behind the rule.</summary>
    public ImmutableArray<string> References { get; init; } = [];
}
