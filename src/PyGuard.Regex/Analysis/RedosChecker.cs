using PyGuard.Regex.Analysis;
using PyGuard.Regex.Automata;
using PyGuard.Regex.Parsing;
using PyGuard.Regex.Parsing.Ast;
using PyGuard.Regex.Parsing.Unicode;

namespace PyGuard.Regex;

/// <summary>
/// Decides whether CPython's backtracking `re` can take super-linear time on a pattern, and gives an input
/// that shows it. Parse (exactly as `re.compile`), reshape as sre does, build an ε-free automaton, look for
/// exponential then polynomial ambiguity, build an attack and, when the automaton only approximates the
/// pattern, confirm it on a model of sre's backtracker. Thread-safe; no input makes it throw or run past
/// <see cref="RedosLimits"/>.
/// </summary>
public static class RedosChecker
{
    private const int MaxWitnesses = 8;

    public static RedosReport Analyze(string pattern, RegexFlags flags = RegexFlags.None, MatchMode mode = MatchMode.Search,
        RedosLimits? limits = null) =>
        Analyze(PythonText.CodePoints(pattern), isBytes: false, flags, mode, limits ?? RedosLimits.Default);

    /// <summary>The same for a bytes pattern (`re.compile(b'...')`).</summary>
    public static RedosReport Analyze(ReadOnlySpan<byte> pattern, RegexFlags flags = RegexFlags.None,
        MatchMode mode = MatchMode.Search, RedosLimits? limits = null)
    {
        var codePoints = new int[pattern.Length];
        for (var i = 0; i < pattern.Length; i++)
        {
            codePoints[i] = pattern[i];
        }

        return Analyze(codePoints, isBytes: true, flags, mode, limits ?? RedosLimits.Default);
    }

    private static RedosReport Analyze(int[] codePoints, bool isBytes, RegexFlags flags, MatchMode mode, RedosLimits limits)
    {
        try
        {
            var parsed = RegexParser.Parse(codePoints, isBytes, flags);
            if (parsed.Error is { } error)
            {
                return new RedosReport
                {
                    Complexity = Complexity.Linear, Degree = 1, Status = AnalysisStatus.InvalidPattern, Error = error,
                    Explanation = "invalid pattern: " + error,
                };
            }

            if (parsed.Tree is not { } tree)
            {
                return Incomplete(parsed.NotParsedReason ?? "the pattern could not be parsed");
            }

            return new Analysis(tree, mode, limits).Run();
        }
        catch (InsufficientExecutionStackException)
        {
            return Incomplete("the pattern nests too deeply to analyse");
        }
    }

    private static RedosReport Incomplete(string why) => new()
    {
        Complexity = Complexity.Linear, Degree = 1, Status = AnalysisStatus.Incomplete, Explanation = "analysis incomplete: " + why,
    };

    /// <summary>One analysis: the layers in order, sharing one budget.</summary>
    private sealed class Analysis(RegexTree tree, MatchMode mode, RedosLimits limits)
    {
        private readonly Budget _budget = new(limits.MaxSteps, limits.Timeout, limits.Cancellation);
        private readonly Explanations _explain = new(tree);

        public RedosReport Run()
        {
            var normalized = SreNormalizer.Normalize(tree.Root);
            var classes = new CharClassResolver(tree.IsBytes);
            if (ThompsonBuilder.Build(normalized, classes, mode, limits.MaxAutomatonStates) is not var (epsilon, cut))
            {
                return Incomplete($"the automaton would exceed {limits.MaxAutomatonStates} states");
            }

            if (EpsilonRemoval.Remove(epsilon, classes.Universe, _budget) is not { } nfa)
            {
                return Incomplete("the step or time limit was reached while building the automaton");
            }
            var approximated = cut || ApproximatedConstructs.Any(normalized);
            var automaton = new LabelledNfa(nfa);
            var attacks = new AttackBuilder(automaton, _budget);
            var validator = new AttackValidator(tree, normalized, mode, limits);

            foreach (var witness in ExponentialAmbiguity.Find(automaton, _budget, MaxWitnesses))
            {
                if (Report(witness, automaton, attacks, validator, approximated, exponential: true) is { } report)
                {
                    return report with { Status = AnalysisStatus.Complete };
                }
            }

            var exponentialChecked = !_budget.Exhausted;
            var candidates = PolynomialAmbiguity.Find(automaton, _budget, MaxWitnesses)
                .Select(link =>
                {
                    var (degree, start) = PumpChains.Longest(automaton, link.Pump, _budget);
                    return link with { Start = start, Degree = degree };
                })
                .Where(w => w.Degree >= 2)
                .OrderByDescending(w => w.Degree)
                .ToList();
            foreach (var witness in candidates)
            {
                if (Report(witness, automaton, attacks, validator, approximated, exponential: false) is { } report)
                {
                    return report with { Status = exponentialChecked && !_budget.Exhausted ? AnalysisStatus.Complete : AnalysisStatus.Incomplete };
                }
            }

            return new RedosReport
            {
                Complexity = Complexity.Linear, Degree = 1, Approximated = approximated,
                Status = _budget.Exhausted ? AnalysisStatus.Incomplete : AnalysisStatus.Complete,
                Explanation = _budget.Exhausted
                    ? "analysis incomplete: the step or time limit was reached; no super-linear backtracking found so far"
                    : "no sub-pattern can match the same text in more than one way that a failing match would retry",
            };
        }

        private RedosReport? Report(AmbiguityWitness witness, LabelledNfa automaton, AttackBuilder attacks,
            AttackValidator validator, bool approximated, bool exponential)
        {
            if (attacks.Build(witness) is not { } attack)
            {
                return null;
            }

            var attackString = new AttackString(attacks.Render(attack.Prefix), attacks.Render(attack.Pump),
                attacks.Render(attack.Suffix), tree.IsBytes);
            var confirmed = false;
            if (approximated || !attack.Global)
            {
                if (!validator.Confirms(attackString, exponential, witness.Degree))
                {
                    return null;
                }

                confirmed = true;
            }

            var spans = witness.States.Select(s => automaton.Nfa.Spans[s]).OfType<TextSpan>();
            return new RedosReport
            {
                Complexity = exponential ? Complexity.Exponential : Complexity.Polynomial,
                Degree = exponential ? 0 : witness.Degree,
                Status = AnalysisStatus.Complete,
                AttackString = attackString,
                ConfirmedBySimulation = confirmed,
                Approximated = approximated,
                Explanation = exponential
                    ? _explain.Exponential(spans)
                    : _explain.Polynomial(witness.Degree, automaton.Nfa.Spans[witness.Start],
                        automaton.Nfa.Spans[witness.States[^1]], automaton.Nfa.IsSearchPrefix[witness.Start]),
            };
        }
    }
}

