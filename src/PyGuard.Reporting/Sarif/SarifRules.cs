using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Sarif;
using PyGuard.Engine.Model;

namespace PyGuard.Reporting.Sarif;

/// <summary>
/// <c>tool.driver.rules</c>: every rule as a reporting descriptor, its help rendered by
/// <see cref="RuleDocumentation"/> (the same text as docs/rules), and where each rule sits in the list.
/// </summary>
internal sealed class SarifRules
{
    /// <summary>GitHub shows at most this many characters of a short or full description.</summary>
    private const int MaxDescriptionLength = 1024;

    private readonly Dictionary<string, int> _indexes = new(StringComparer.Ordinal);

    public SarifRules(IEnumerable<RuleDescriptor> rules, int maxTags, ICollection<string> notices)
    {
        foreach (var rule in rules.DistinctBy(r => r.Id).OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            _indexes[rule.Id] = Descriptors.Count;
            Descriptors.Add(Describe(rule, maxTags, notices));
        }
    }

    public List<ReportingDescriptor> Descriptors { get; } = [];

    public int IndexOf(string ruleId) => _indexes[ruleId];

    /// <summary>
    /// <c>security</c>, the category, then the CWE ids in CodeQL's form (<c>external/cwe/cwe-078</c>, which
    /// GitHub links to the CWE); the caller cuts them to the limit.
    /// </summary>
    public static List<string> TagsOf(RuleDescriptor rule) =>
        ["security", rule.Category.ToName(), .. rule.Cwe.Distinct().Select(cwe => "external/cwe/cwe-" + cwe.ToString("000", CultureInfo.InvariantCulture))];

    private static ReportingDescriptor Describe(RuleDescriptor rule, int maxTags, ICollection<string> notices)
    {
        var descriptor = new ReportingDescriptor
        {
            Id = rule.Id,
            Name = PascalCaseName(rule.Title),
            ShortDescription = new MultiformatMessageString { Text = Shorten(rule.Title) },
            FullDescription = new MultiformatMessageString { Text = Shorten(rule.Help.WhatItDoes) },
            Help = new MultiformatMessageString
            {
                Text = RuleDocumentation.HelpText(rule),
                Markdown = RuleDocumentation.HelpMarkdown(rule),
            },
            DefaultConfiguration = new ReportingConfiguration { Level = SarifLevels.Of(rule.DefaultSeverity) },
        };

        var tags = TagsOf(rule);
        if (tags.Count > maxTags)
        {
            notices.Add(string.Create(CultureInfo.InvariantCulture,
                $"rule {rule.Id} has {tags.Count} tags, more than the {maxTags} GitHub accepts; kept the first {maxTags}"));
            tags = tags[..maxTags];
        }

        descriptor.SetProperty("tags", tags);
        descriptor.SetProperty("precision", SarifLevels.PrecisionOf(rule.Confidence));
        descriptor.SetProperty("security-severity", rule.SecuritySeverity.ToString("0.0", CultureInfo.InvariantCulture));
        return descriptor;
    }

    /// <summary>
    /// SARIF's rule <c>name</c>: the title as one PascalCase identifier. One-letter words ("a") are left
    /// out, since two capitals in a row would no longer read as PascalCase.
    /// </summary>
    private static string PascalCaseName(string title)
    {
        var name = new StringBuilder(title.Length);
        var start = 0;
        for (var i = 0; i <= title.Length; i++)
        {
            if (i < title.Length && char.IsAsciiLetterOrDigit(title[i]))
            {
                continue;
            }

            var word = title.AsSpan(start, i - start);
            if (word.Length > 1 || (word.Length == 1 && char.IsAsciiDigit(word[0])))
            {
                name.Append(char.ToUpperInvariant(word[0])).Append(word[1..]);
            }

            start = i + 1;
        }

        return name.ToString();
    }

    private static string Shorten(string text)
    {
        if (text.Length <= MaxDescriptionLength)
        {
            return text;
        }

        var cut = MaxDescriptionLength - 1;
        if (char.IsLowSurrogate(text[cut]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }
}
