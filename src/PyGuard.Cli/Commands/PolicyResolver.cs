using PyGuard.Cli.CommandLine;
using PyGuard.Engine.Policies;

namespace PyGuard.Cli.Commands;

/// <summary>
/// Turns <c>--policy</c> into a policy: <c>agent</c> and <c>audit</c> are the presets, anything else is a
/// policy file. Without the option, <c>scan</c> looks for <c>pyguard.toml</c> or <c>[tool.pyguard]</c> upward
/// from the first scanned path (as Ruff finds its configuration); the execution gate never does, because
/// the code it is about to run could have written that file.
/// </summary>
public static class PolicyResolver
{
    public static Policy Resolve(string? option, string? scanRoot, bool discover)
    {
        switch (option)
        {
            case "agent":
                return Policy.Agent;
            case "audit":
                return Policy.Audit;
            case null when discover && scanRoot is not null && scanRoot != "-" && PolicyLocator.Find(scanRoot) is { } found:
                return Load(found);
            case null:
                return Policy.Agent;
            default:
                if (!File.Exists(option))
                {
                    throw new UsageException($"no such policy: '{option}' (expected agent, audit or a TOML file)");
                }

                return Load(option);
        }
    }

    private static Policy Load(string path)
    {
        try
        {
            return PolicyLoader.LoadFile(path, PythonScanner.BuiltInRules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal));
        }
        catch (PolicyException e)
        {
            throw new UsageException($"invalid policy {e.Message}");
        }
    }

    /// <summary>The scanner factory the execution gate uses: explicit policy or the agent preset, never discovery.</summary>
    public static ICodeScanner GateScanner(string? option, string scanRoot) => new PythonScanner(Resolve(option, scanRoot, discover: false));
}
