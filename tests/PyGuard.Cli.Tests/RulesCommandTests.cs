using System.Text.Json;
using PyGuard.Engine.Model;
using PyGuard.Reporting;
using Shouldly;
using Xunit;

namespace PyGuard.Cli.Tests;

public sealed class RulesCommandTests
{
    [Fact]
    public void ListsEveryRuleWithIdCategorySeverityAndTitle()
    {
        var result = CliRunner.Run("rules");
        result.ExitCode.ShouldBe(0);
        var lines = result.Stdout.TrimEnd('\n').Split('\n');
        lines.Length.ShouldBe(PythonScanner.BuiltInRules.Length);
        lines.ShouldContain(l => l.StartsWith("PG201  exec") && l.Contains("error") && l.Contains("Dynamic code execution"));
    }

    [Fact]
    public void EveryRuleIdLiesInItsCategoryRange()
    {
        foreach (var rule in PythonScanner.BuiltInRules)
        {
            rule.Category.Owns(rule.Id).ShouldBeTrue(rule.Id);
            rule.SecuritySeverity.ShouldBeInRange(0.1, 10.0);
            rule.Help.WhatItDoes.ShouldNotBeNullOrWhiteSpace(rule.Id);
            rule.Help.WhyItIsDangerous.ShouldNotBeNullOrWhiteSpace(rule.Id);
            rule.Help.Example.ShouldNotBeNullOrWhiteSpace(rule.Id);
            rule.Help.Instead.ShouldNotBeNullOrWhiteSpace(rule.Id);
        }
    }

    [Fact]
    public void JsonListsTheSameRules()
    {
        var result = CliRunner.Run("rules", "--format", "json");
        using var json = JsonDocument.Parse(result.Stdout);
        json.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()).ShouldBe(PythonScanner.BuiltInRules.Select(r => r.Id));
    }

    [Fact]
    public void RulePagesInDocsAreUpToDate()
    {
        // docs/rules is generated from the descriptors; regenerate with: pyguard rules --docs docs/rules
        var folder = Path.Combine(CliRunner.RepositoryRoot, "docs", "rules");
        var stale = new List<string>();
        foreach (var (fileName, content) in RuleDocumentation.AllPages(PythonScanner.BuiltInRules))
        {
            var path = Path.Combine(folder, fileName);
            if (!File.Exists(path) || File.ReadAllText(path) != content)
            {
                stale.Add(fileName);
            }
        }

        var extra = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "PG*.md").Select(Path.GetFileName).Where(f => PythonScanner.BuiltInRules.All(r => RuleDocumentation.PageFileName(r) != f)).ToList()
            : [];
        stale.Concat(extra!).ShouldBeEmpty("docs/rules is out of date: run `dotnet run --project src/PyGuard.Cli -- rules --docs docs/rules`");
    }
}
