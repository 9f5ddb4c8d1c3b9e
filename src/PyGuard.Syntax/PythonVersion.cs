namespace PyGuard.Syntax;

/// <summary>The Python language version whose grammar the parser accepts.</summary>
public enum PythonVersion
{
    /// <summary>Exactly CPython 3.13: whatever 3.13 rejects is a syntax error.</summary>
    Python313 = 313,

    /// <summary>3.13 plus the 3.14 syntax the scanner must read: unparenthesised <c>except A, B:</c> and t-strings.</summary>
    Python314 = 314,
}
