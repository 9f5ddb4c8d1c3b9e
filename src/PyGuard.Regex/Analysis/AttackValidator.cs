using PyGuard.Regex.Automata;
using PyGuard.Regex.Parsing.Ast;
using PyGuard.Regex.Parsing.Unicode;
using PyGuard.Regex.Simulation;

namespace PyGuard.Regex.Analysis;

/// <summary>
/// Confirms an attack on the backtracking simulator: the steps must grow as claimed when the pump is
/// repeated more. Exponential: the ratio of steps between n and 2n repetitions keeps growing (or the
/// allowance runs out at a small n). Polynomial: the ratio at the largest n measured is well above 2 (a
/// linear attempt doubles).
/// </summary>
internal sealed class AttackValidator(RegexTree tree, RegexNode normalized, MatchMode mode, RedosLimits limits)
{
    private const long EnoughSteps = 20_000;
    private SreProgram? _program;
    private long _spent;

    public bool Confirms(AttackString attack, bool exponential, int degree)
    {
        _program ??= SreProgram.Compile(normalized, tree, new CharClassResolver(tree.IsBytes));
        var measured = new List<(int Repetitions, long? Steps)>();
        for (var n = 2; n <= (exponential ? 64 : 4096); n *= 2)
        {
            var left = limits.MaxSimulationSteps - _spent;
            if (left <= 0)
            {
                break;
            }

            var steps = BacktrackingSimulator.Steps(_program, PythonText.CodePoints(attack.Build(n)), mode, left);
            _spent += steps ?? left;
            measured.Add((n, steps));
            if (steps is null || (!exponential && steps > EnoughSteps))
            {
                break;
            }
        }

        var ratios = new List<double>();
        for (var i = 1; i < measured.Count; i++)
        {
            if (measured[i].Steps is { } now && measured[i - 1].Steps is { } before && before > 0)
            {
                ratios.Add((double)now / before);
            }
        }

        var ranOut = measured.Count > 0 && measured[^1].Steps is null;
        if (exponential)
        {
            // Past the allowance after growing fast, or still accelerating.
            return ranOut && ratios.Count > 0 && ratios[^1] >= 3
                   || ratios.Count >= 2 && ratios[^1] >= 8 && ratios[^1] >= 1.8 * ratios[^2];
        }

        _ = degree;
        return ratios.Count > 0 && (ratios[^1] >= 2.8 || ranOut && ratios[^1] >= 2.4);
    }
}
