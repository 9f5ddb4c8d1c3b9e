using PyGuard.Engine.Model;

namespace PyGuard.Engine.Suppressions;

/// <summary>The rules about in-source suppression comments, reported by the engine itself.</summary>
public static class SuppressionRules
{
    public static readonly RuleDescriptor IgnoredSuppression = new(
        "PG890", "Suppression comment in gated code", "suppression comment ignored by the '{0}' policy: {1}",
        RuleCategory.Obfuscation, Severity.Warning, Confidence.High, 5.0, [693],
        new RuleHelp(
            WhatItDoes: "Reports a `# pyguard: ignore` comment in code scanned under a policy that does not honour suppressions (the `agent` gate). The comment has no effect: the findings it names are reported as usual.",
            WhyItIsDangerous: "Under the agent gate the author of the code is the adversary. A comment that tries to switch a check off is at best noise and at worst an attempt to get dangerous code past the gate; it is reported so a reviewer sees the attempt. It is a warning when it targets a real finding and a note otherwise.",
            Example: "import os\nos.system(cmd)  # pyguard: ignore[PG204]",
            Instead: "Remove the comment. To accept a finding in your own code, scan with `--policy audit` or disable the rule in a policy file that you control."));

    public static readonly RuleDescriptor UnusedSuppression = new(
        "PG891", "Suppression comment that suppresses nothing", "suppression comment suppresses nothing: {0}",
        RuleCategory.Obfuscation, Severity.Note, Confidence.High, 1.0, [1164],
        new RuleHelp(
            WhatItDoes: "Reports, under a policy that honours suppressions (`audit`), a `# pyguard: ignore` comment on a line where none of the rules it names reports anything.",
            WhyItIsDangerous: "Stale suppressions accumulate and, when the code changes, silently hide the next real finding on that line.",
            Example: "total = a + b  # pyguard: ignore[PG201]",
            Instead: "Delete the comment, or narrow it to the rule that actually fires on that line."));
}
