namespace PyGuard.Regex.Automata;

/// <summary>
/// What a zero-width test allows right after a given ε-closure source: the set of characters that may come
/// next, whether the end of the input may, and whether a newline may if it is the last character (what `$`
/// allows without MULTILINE). A path through an assertion that can never hold is dropped.
/// </summary>
internal readonly record struct Restriction(CharSet Next, bool EndAllowed, bool FinalNewlineAllowed = false)
{
    public Restriction And(Restriction other) => new(
        Next.Intersect(other.Next),
        EndAllowed && other.EndAllowed,
        AllowsFinalNewline && other.AllowsFinalNewline);

    private bool AllowsFinalNewline => FinalNewlineAllowed || Next.Contains('\n');

    public bool IsDead => Next.IsEmpty && !EndAllowed && !FinalNewlineAllowed;
}

/// <summary>
/// Where an ε-closure starts: the initial state (nothing read yet) or a state entered by reading one of
/// <see cref="Entry"/>. Look-behind-like tests are decided against it; when the entry set is mixed, the test
/// is assumed to pass (an over-approximation).
/// </summary>
internal readonly record struct ClosureSource(bool AtStart, CharSet Entry);

/// <summary>A zero-width test on an ε-edge, approximated by what the previous and next characters may be.</summary>
internal abstract record Assertion
{
    public abstract Restriction? Apply(ClosureSource source, CharSet universe);

    protected static Restriction Free(CharSet universe) => new(universe, true);
}

/// <summary>Holds only where nothing has been read: `\A`, and `^` without MULTILINE.</summary>
internal sealed record AtStartAssertion : Assertion
{
    public override Restriction? Apply(ClosureSource source, CharSet universe) => source.AtStart ? Free(universe) : null;
}

/// <summary>`^` under MULTILINE: at the start or after a newline.</summary>
internal sealed record LineStartAssertion : Assertion
{
    public override Restriction? Apply(ClosureSource source, CharSet universe) =>
        source.AtStart || source.Entry.Contains('\n') ? Free(universe) : null;
}

/// <summary>
/// `$` without MULTILINE: the end, or a newline that is the last character. What comes after it in the pattern
/// may not read that newline (a pattern like `a$\n` loses that path, an under-approximation of rare patterns).
/// </summary>
internal sealed record EndOrFinalNewlineAssertion : Assertion
{
    public override Restriction? Apply(ClosureSource source, CharSet universe) => new Restriction(CharSet.Empty, true, true);
}

/// <summary>A test on the next character: the lookahead sets, `$` under MULTILINE (a newline or the end), `\Z` (the end).</summary>
internal sealed record NextAssertion(CharSet Allowed, bool EndAllowed) : Assertion
{
    public override Restriction? Apply(ClosureSource source, CharSet universe) => new Restriction(Allowed, EndAllowed);
}

/// <summary>A look-behind reduced to its last character: the previous one must (or must not) be in the set.</summary>
internal sealed record PreviousAssertion(CharSet Chars, bool Negated) : Assertion
{
    public override Restriction? Apply(ClosureSource source, CharSet universe)
    {
        if (source.AtStart)
        {
            return Negated ? Free(universe) : null;
        }

        var possible = Negated ? !source.Entry.IsSubsetOf(Chars) : source.Entry.Overlaps(Chars);
        return possible ? Free(universe) : null;
    }
}

/// <summary>
/// `\b` (or `\B` when <see cref="Negated"/>): decided by the previous character's side of the word class when
/// the entry set lies wholly on one side; otherwise unrestricted.
/// </summary>
internal sealed record WordBoundaryAssertion(CharSet Word, bool Negated) : Assertion
{
    public override Restriction? Apply(ClosureSource source, CharSet universe)
    {
        bool? previousIsWord = source.AtStart ? false
            : source.Entry.IsSubsetOf(Word) ? true
            : !source.Entry.Overlaps(Word) ? false
            : null;
        if (previousIsWord is not { } prev)
        {
            return Free(universe);
        }

        var nextIsWord = prev != Negated;
        return nextIsWord
            ? new Restriction(Word, false)
            : new Restriction(Word.Complement(universe.RangeAt(0).Last), true);
    }
}

/// <summary>sre's FAILURE (an empty negative lookaround): no path passes.</summary>
internal sealed record NeverAssertion : Assertion
{
    public override Restriction? Apply(ClosureSource source, CharSet universe) => null;
}
