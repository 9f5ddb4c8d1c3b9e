namespace PyGuard.Syntax.Lexing;

/// <summary>The letters before a string's opening quote, in any case and order.</summary>
[Flags]
internal enum StringPrefix : byte
{
    None = 0,
    Raw = 1,
    Bytes = 2,
    Unicode = 4,
    Formatted = 8,
    /// <summary>Python 3.14's t-strings (PEP 750).</summary>
    Template = 16,
    Invalid = 128,
}
