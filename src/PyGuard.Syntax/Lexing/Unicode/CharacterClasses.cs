namespace PyGuard.Syntax.Lexing.Unicode;

/// <summary>
/// The character classes CPython 3.13 uses, from its own Unicode 15.1 data (see UnicodeTables.g.cs):
/// identifier characters per PEP 3131 and <c>str.isprintable</c>, which decides how repr escapes.
/// </summary>
internal static class CharacterClasses
{
    public static bool IsIdentifierStart(int codePoint) => codePoint < 0x80
        ? (uint)((codePoint | 0x20) - 'a') <= 'z' - 'a' || codePoint == '_'
        : RangeSet.Contains(UnicodeTables.IdentifierStartRanges, codePoint);

    public static bool IsIdentifierContinue(int codePoint) => codePoint < 0x80
        ? (uint)((codePoint | 0x20) - 'a') <= 'z' - 'a' || (uint)(codePoint - '0') <= 9 || codePoint == '_'
        : RangeSet.Contains(UnicodeTables.IdentifierContinueRanges, codePoint);

    public static bool IsPrintable(int codePoint) => codePoint < 0x80
        ? codePoint is >= 0x20 and < 0x7F
        : RangeSet.Contains(UnicodeTables.PrintableRanges, codePoint);
}
