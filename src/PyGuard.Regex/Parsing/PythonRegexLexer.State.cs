using Antlr4.Runtime;

namespace PyGuard.Regex.Parsing.Generated;

/// <summary>
/// The tokenizer state sre_parse keeps implicitly, beyond the class mode: whether the next character comes
/// right after a class's opening bracket (where ']' is a member), and whether verbose mode is on. Verbose
/// mode is a property of each open group, because `(?x:...)` and `(?-x:...)` change it for the group only
/// and a global `(?x)` turns it on for the level it stands in.
/// </summary>
internal partial class PythonRegexLexer
{
    private readonly Stack<bool> _verbose = new();
    private bool _topLevelVerbose;

    public PythonRegexLexer(ICharStream input, bool verbose) : this(input)
    {
        _topLevelVerbose = verbose;
        // The generated constructor installs ANTLR's console listener; errors here are tokens, never text.
        RemoveErrorListeners();
    }

    private bool AtClassStart { get; set; }

    private bool Verbose => _verbose.Count > 0 ? _verbose.Peek() : _topLevelVerbose;

    public override IToken NextToken()
    {
        var token = base.NextToken();
        AtClassStart = token.Type == CLASS_OPEN;
        return token;
    }

    private void OpenGroup() => _verbose.Push(Verbose);

    private void CloseGroup()
    {
        if (_verbose.Count > 0)
        {
            _verbose.Pop();
        }
    }

    private void OpenScopedFlagsGroup()
    {
        var (add, remove) = SplitFlagLetters(Text);
        _verbose.Push((Verbose || add.Contains('x')) && !remove.Contains('x'));
    }

    private void ApplyGlobalFlags()
    {
        var (add, _) = SplitFlagLetters(Text);
        if (!add.Contains('x'))
        {
            return;
        }

        if (_verbose.Count > 0)
        {
            _verbose.Pop();
            _verbose.Push(true);
        }
        else
        {
            _topLevelVerbose = true;
        }
    }

    /// <summary>The letters before and after the first '-' of a `(?...:` or `(?...)` token.</summary>
    private static (string Add, string Remove) SplitFlagLetters(string text)
    {
        var letters = text[2..^1];
        var dash = letters.IndexOf('-');
        return dash < 0 ? (letters, "") : (letters[..dash], letters[(dash + 1)..]);
    }
}
