using PyGuard.Analyzers.Common;
using PyGuard.Engine.Model;

namespace PyGuard.Analyzers.Redos;

/// <summary>PG504: a regular expression that <c>re.compile</c> would reject.</summary>
public static class InvalidRegex
{
    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG504", "Invalid regular expression", "{0}",
        RuleCategory.Redos, Severity.Warning, Confidence.High, 2.0, [185],
        whatItDoes: "Reports regular expressions that CPython's `re` would reject when compiling them, with CPython's message and the position in the pattern (`bad escape \\q at position 3`, `unterminated character set`, `look-behind requires fixed-width pattern`), and those whose analysis could not be completed within PyGuard's bounds.",
        why: "The code fails at run time with `re.error`. A pattern too complex to analyse within the bounds may also be one built to exhaust analysers.",
        example: "import re\nre.compile(r'[a-z')",
        instead: "Fix the pattern; `re.compile` it once at import time so that errors surface early.");
}
