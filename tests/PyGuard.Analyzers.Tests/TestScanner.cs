using PyGuard.Engine.Model;
using PyGuard.Engine.Policies;
using PyGuard.Semantics;
using PyGuard.Syntax;

namespace PyGuard.Analyzers.Tests;

/// <summary>Scans snippets for tests, with the built-in analyzers and a chosen policy.</summary>
internal static class TestScanner
{
    private static readonly PythonScanner Agent = new(Policy.Agent);
    private static readonly PythonScanner Audit = new(Policy.Audit);

    public static FileScanResult Scan(string code, Policy? policy = null) =>
        policy is null ? Agent.Scan(code, "snippet.py") :
        ReferenceEquals(policy, Policy.Audit) ? Audit.Scan(code, "snippet.py") : new PythonScanner(policy).Scan(code, "snippet.py");

    public static IReadOnlyList<Finding> Findings(string code, Policy? policy = null) => Scan(code, policy).ActiveFindings.ToList();

    public static IReadOnlyList<string> RuleIds(string code, Policy? policy = null) =>
        Findings(code, policy).Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal).ToList();

    public static SemanticModel Model(string code)
    {
        var parse = PythonParser.Parse(code, new ParseOptions { Version = PythonVersion.Python314 });
        if (parse.Tree is null)
        {
            throw new InvalidOperationException($"test code does not parse: {parse.Error!.Message}");
        }

        return SemanticModel.Build(parse.Tree);
    }
}
