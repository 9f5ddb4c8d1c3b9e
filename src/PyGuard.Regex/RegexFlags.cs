namespace PyGuard.Regex;

/// <summary>
/// The flags of Python's `re` module with the same numeric values, so a caller that folded `re.I | re.M`
/// to an integer can pass it as it is.
/// </summary>
[Flags]
public enum RegexFlags
{
    None = 0,
    /// <summary>`re.I` (`(?i)`).</summary>
    IgnoreCase = 2,
    /// <summary>`re.L` (`(?L)`): bytes patterns only.</summary>
    Locale = 4,
    /// <summary>`re.M` (`(?m)`).</summary>
    Multiline = 8,
    /// <summary>`re.S` (`(?s)`).</summary>
    DotAll = 16,
    /// <summary>`re.U` (`(?u)`): the default for str patterns.</summary>
    Unicode = 32,
    /// <summary>`re.X` (`(?x)`).</summary>
    Verbose = 64,
    /// <summary>`re.DEBUG`: accepted and ignored.</summary>
    Debug = 128,
    /// <summary>`re.A` (`(?a)`).</summary>
    Ascii = 256,
}
