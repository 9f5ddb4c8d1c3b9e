using System.Collections.Immutable;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics;
using PyGuard.Semantics.DataFlow;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Exfil;

/// <summary>Finds sensitive data in a sink's arguments and reports it with its path from the source, step by step.</summary>
internal static class TaintFlows
{
    /// <summary>The taints of <paramref name="arguments"/> that <paramref name="accept"/> counts, first found first, one per source.</summary>
    public static IReadOnlyList<Taint> Find(SemanticModel model, IEnumerable<Expr> arguments, Func<TaintSource, bool> accept)
    {
        var found = new List<Taint>();
        foreach (var argument in arguments)
        {
            foreach (var taint in model.DataFlow.TaintOf(argument).Sources)
            {
                if (accept(taint.Source!) && !found.Any(f => f.Source == taint.Source))
                {
                    found.Add(taint);
                }
            }
        }

        return found;
    }

    /// <summary>"the environment variable KEY and the host name": what a finding's sources are, in a few words.</summary>
    public static string Describe(IReadOnlyList<Taint> taints)
    {
        var descriptions = taints.Select(t => t.Source!.Description).Distinct().ToList();
        return descriptions.Count switch
        {
            1 => descriptions[0],
            2 => $"{descriptions[0]} and {descriptions[1]}",
            _ => $"{descriptions[0]}, {descriptions[1]} and {descriptions.Count - 2} more",
        };
    }

    /// <summary>
    /// Reports a finding at the sink (with the rule's severity unless <paramref name="severity"/> says
    /// otherwise) whose code flow is the first taint's path, ending at the sink.
    /// </summary>
    public static void Report(NodeContext context, RuleDescriptor rule, IReadOnlyList<Taint> taints, string sink, Severity? severity, params object?[] messageArgs)
    {
        var steps = taints[0].Steps.Select(s => (s.Span, s.Description))
            .Append((context.Node.Span, "sink: " + sink))
            .ToImmutableArray();
        context.ReportFlow(rule, context.Node.Span, steps, severity, null, messageArgs);
    }

    /// <summary>Content kinds: the data itself, not merely the path of a file that holds it.</summary>
    public static bool IsContent(TaintSource source) => source.IsContent;
}
