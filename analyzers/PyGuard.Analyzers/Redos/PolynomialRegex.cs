using PyGuard.Analyzers.Common;
using PyGuard.Engine.Model;

namespace PyGuard.Analyzers.Redos;

/// <summary>PG502: a regular expression whose backtracking takes polynomial (quadratic or worse) time.</summary>
public static class PolynomialRegex
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG502", "Regular expression with polynomial backtracking", "{0}",
        RuleCategory.Redos, Severity.Warning, Confidence.High, 6.0, [1333, 400],
        whatItDoes: "Finds regular expressions whose backtracking is polynomial of degree k (the product-automaton method): `\\s+$` under `search`, `a*a*b`, `.*?x.*?x`. Degree 3 or more is an error; quadratic ones are warnings unless the code applies them to an input whose length makes the work exceed the policy's `max-operations`, which is an error. The message gives the degree, the ambiguous part and an attack string.",
        why: "Quadratic backtracking is invisible on short inputs and catastrophic on long ones: a 100,000-character line costs 10^10 steps. `search` retries the pattern from every start position, which is how many innocent-looking patterns become quadratic.",
        example: "import re\nre.sub(r'\\s+$', '', text)",
        instead: "Anchor or restructure the pattern so that it cannot overlap itself (`text.rstrip()` instead of `re.sub(r'\\s+$', '', text)`), use `match`/`fullmatch` where a search is not needed, or bound the input length.",
        safeExample: "clean = text.rstrip()",
        "https://owasp.org/www-community/attacks/Regular_expression_Denial_of_Service_-_ReDoS");
}
