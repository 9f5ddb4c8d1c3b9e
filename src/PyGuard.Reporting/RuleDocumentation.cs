using System.Globalization;
using System.Text;
using PyGuard.Engine.Model;

namespace PyGuard.Reporting;

/// <summary>
/// Renders a rule's metadata as documentation. The pages of docs/rules and SARIF's rule help are both
/// produced here, from the descriptor, so the documentation is written once, next to the rule's code.
/// </summary>
public static class RuleDocumentation
{
    public static string PageFileName(RuleDescriptor rule) => rule.Id + ".md";

    /// <summary>The help of one rule as Markdown, without the page title (SARIF's <c>help.markdown</c>).</summary>
    public static string HelpMarkdown(RuleDescriptor rule)
    {
        var help = rule.Help;
        var text = new StringBuilder();
        text.Append("## What it does\n\n").Append(help.WhatItDoes).Append("\n\n");
        text.Append("## Why is this dangerous?\n\n").Append(help.WhyItIsDangerous).Append("\n\n");
        text.Append("## Example\n\n```python\n").Append(help.Example.TrimEnd()).Append("\n```\n\n");
        text.Append("## What to do instead\n\n").Append(help.Instead).Append('\n');
        if (help.SafeExample is { } safe)
        {
            text.Append("\n```python\n").Append(safe.TrimEnd()).Append("\n```\n");
        }

        var references = help.References.Concat(rule.Cwe.Select(CweUri)).ToList();
        if (references.Count > 0)
        {
            text.Append("\n## References\n\n");
            foreach (var reference in references)
            {
                text.Append("- <").Append(reference).Append(">\n");
            }
        }

        return text.ToString();
    }

    /// <summary>The help of one rule as plain text (SARIF's <c>help.text</c>).</summary>
    public static string HelpText(RuleDescriptor rule)
    {
        var help = rule.Help;
        var text = new StringBuilder();
        text.Append(help.WhatItDoes).Append("\n\nWhy: ").Append(help.WhyItIsDangerous)
            .Append("\n\nExample:\n").Append(help.Example.TrimEnd())
            .Append("\n\nInstead: ").Append(help.Instead);
        return text.ToString();
    }

    /// <summary>The docs/rules page of one rule.</summary>
    public static string Page(RuleDescriptor rule)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(rule.Id).Append(": ").Append(rule.Title).Append("\n\n");
        text.Append("<!-- Generated from the rule's descriptor by `pyguard rules --docs docs/rules`; do not edit. -->\n\n");
        text.Append("| | |\n| --- | --- |\n");
        text.Append("| Category | `").Append(rule.Category.ToName()).Append("` |\n");
        text.Append("| Default severity | ").Append(rule.DefaultSeverity.ToName()).Append(" |\n");
        text.Append("| Confidence | ").Append(rule.Confidence.ToName()).Append(" |\n");
        text.Append("| Security severity | ").Append(rule.SecuritySeverity.ToString("0.0", CultureInfo.InvariantCulture)).Append(" |\n");
        if (!rule.Cwe.IsEmpty)
        {
            text.Append("| CWE | ").Append(string.Join(", ", rule.Cwe.Select(c => $"[CWE-{c}]({CweUri(c)})"))).Append(" |\n");
        }

        text.Append('\n').Append(HelpMarkdown(rule));
        return text.ToString();
    }

    /// <summary>The index page of docs/rules, grouped by category.</summary>
    public static string Index(IEnumerable<RuleDescriptor> rules)
    {
        var text = new StringBuilder();
        text.Append("# Rules\n\n");
        text.Append("<!-- Generated from the rules' descriptors by `pyguard rules --docs docs/rules`; do not edit. -->\n\n");
        text.Append("Every rule PyGuard reports, by category. `pyguard rules` prints the same list; each page says what the rule does, why it matters, an example and what to do instead.\n");
        foreach (var group in rules.GroupBy(r => r.Category).OrderBy(g => g.Key))
        {
            text.Append("\n## ").Append(group.Key.ToName()).Append("\n\n| Rule | Title | Severity |\n| --- | --- | --- |\n");
            foreach (var rule in group.OrderBy(r => r.Id, StringComparer.Ordinal))
            {
                text.Append("| [").Append(rule.Id).Append("](").Append(PageFileName(rule)).Append(") | ")
                    .Append(rule.Title).Append(" | ").Append(rule.DefaultSeverity.ToName()).Append(" |\n");
            }
        }

        return text.ToString();
    }

    /// <summary>Every file of docs/rules: name and content.</summary>
    public static IEnumerable<(string FileName, string Content)> AllPages(IReadOnlyCollection<RuleDescriptor> rules)
    {
        yield return ("README.md", Index(rules));
        foreach (var rule in rules)
        {
            yield return (PageFileName(rule), Page(rule));
        }
    }

    public static string CweUri(int cwe) => string.Create(CultureInfo.InvariantCulture, $"https://cwe.mitre.org/data/definitions/{cwe}.html");
}
