namespace PyGuard.Regex;

/// <summary>How the pattern is applied: which `re` function (or compiled-pattern method) runs it.</summary>
public enum MatchMode
{
    /// <summary>`re.search`, `findall`, `finditer`, `sub`, `subn`, `split`: tried at every start position.</summary>
    Search,
    /// <summary>`re.match`: anchored at the start, may end anywhere.</summary>
    Match,
    /// <summary>`re.fullmatch`: anchored at both ends.</summary>
    FullMatch,
}
