using PyGuard.Analyzers.Common;
using PyGuard.Engine.Model;

namespace PyGuard.Analyzers.Redos;

/// <summary>PG501: a regular expression whose backtracking takes exponential time on some inputs.</summary>
public static class ExponentialRegex
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG501", "Regular expression with exponential backtracking", "{0}",
        RuleCategory.Redos, Severity.Error, Confidence.High, 7.5, [1333, 400],
        whatItDoes: "Parses each regular expression that reaches `re` or `regex` (literals, constants, folded strings, compiled patterns and their methods, with their flags) exactly as CPython's `sre_parse` does, builds an automaton and looks for a pumpable fork: a state from which two different paths read the same word and return. The message names the ambiguous part and gives an attack string (prefix + pump × n + suffix) under the function's matching semantics (`match`, `search` or `fullmatch`).",
        why: "CPython's regex engine backtracks. With a nested or overlapping quantifier, each extra character of the attack doubles the work: 30 characters take seconds, 40 take hours. One request, file line or form field hangs the process (ReDoS).",
        example: "import re\nre.match(r'^(a+)+$', user_input)",
        instead: "Remove the ambiguity: `^a+$` instead of `^(a+)+$`, character classes that cannot overlap, or atomic groups / possessive quantifiers (`(?>a+)+`, `a++`, Python 3.11+). Bound the input length before matching.",
        safeExample: "import re\nre.match(r'^[a-z]+(?:_[a-z]+)*$', name)",
        "https://owasp.org/www-community/attacks/Regular_expression_Denial_of_Service_-_ReDoS", "https://docs.python.org/3/library/re.html");
}
