namespace PyGuard.Engine.Model;

/// <summary>The categories of ../shared/CONTRACT.md; a rule's id lies in its category's hundred.</summary>
public enum RuleCategory
{
    /// <summary>PG1xx: dangerous modules and their use, dynamic and obfuscated imports.</summary>
    Import = 1,

    /// <summary>PG2xx: eval/exec/compile, deserialisation, shell and process execution.</summary>
    Exec = 2,

    /// <summary>PG3xx: introspection escapes (dunder chains, frames, format-string traversal).</summary>
    Escape = 3,

    /// <summary>PG4xx: unbounded loops and recursion, huge allocations, fork and thread bombs.</summary>
    Resource = 4,

    /// <summary>PG5xx: super-linear regular expressions and regexes built from input.</summary>
    Redos = 5,

    /// <summary>PG6xx: sensitive data reaching the network or a process, shady endpoints.</summary>
    Exfil = 6,

    /// <summary>PG7xx: destructive or persistent writes outside the working directory.</summary>
    Filesystem = 7,

    /// <summary>PG8xx: encoded payloads, homoglyph and bidi tricks, names hidden by string building.</summary>
    Obfuscation = 8,

    /// <summary>PG9xx: code that cannot be parsed or analysed.</summary>
    Syntax = 9,
}

public static class RuleCategoryExtensions
{
    /// <summary>The lower-case name used in JSON, SARIF tags and policies.</summary>
    public static string ToName(this RuleCategory category) => category switch
    {
        RuleCategory.Import => "import",
        RuleCategory.Exec => "exec",
        RuleCategory.Escape => "escape",
        RuleCategory.Resource => "resource",
        RuleCategory.Redos => "redos",
        RuleCategory.Exfil => "exfil",
        RuleCategory.Filesystem => "filesystem",
        RuleCategory.Obfuscation => "obfuscation",
        RuleCategory.Syntax => "syntax",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static bool TryParse(string name, out RuleCategory category)
    {
        foreach (var candidate in Enum.GetValues<RuleCategory>())
        {
            if (candidate.ToName() == name)
            {
                category = candidate;
                return true;
            }
        }

        category = default;
        return false;
    }

    /// <summary>Whether <paramref name="ruleId"/> (PGnxx) lies in this category's range.</summary>
    public static bool Owns(this RuleCategory category, string ruleId) =>
        ruleId.Length == 5 && ruleId.StartsWith("PG", StringComparison.Ordinal) &&
        ruleId[2] == (char)('0' + (int)category) && char.IsAsciiDigit(ruleId[3]) && char.IsAsciiDigit(ruleId[4]);
}
