using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

using PyGuard.Syntax.Lexing;
using PyGuard.Syntax.Text;
using PyGuard.Syntax.Tree;

namespace PyGuard.Syntax.Parsing;

/// <summary>
/// A recursive-descent parser for the Python 3.13 grammar (plus 3.14's unparenthesised except lists and
/// t-strings when asked), producing the <see cref="Tree"/> classes with CPython's positions. Tokens come
/// from the lexer on demand into a buffer that is emptied between top-level statements; the few places
/// where the grammar needs more than a fixed lookahead (soft keywords, parenthesised with-items, the
/// specialised error messages) mark a position and return to it. One parser per parse; not thread-safe.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Nesting of parser routines beyond which the source is refused, as CPython refuses it (about 6000 there).</summary>
    internal const int MaxRecursion = 6000;

    private readonly string _text;
    private readonly SourceText _source;
    private readonly Lexer _lexer;
    private readonly ParseOptions _options;
    private readonly ParseBuffers _buffers = ParseBuffers.Take();
    private Token[] _tokens;
    private int _tokenCount;
    private int _pos;
    private int _recursion;
    private int _speculation;

    public Parser(SourceText source, ParseOptions options, Text.Decoding.InvalidUtf8? invalidUtf8 = null)
    {
        _source = source;
        _text = source.Text;
        _options = options;
        _lexer = new Lexer(_text, options.Version, invalidUtf8);
        _tokens = _buffers.Tokens;
        _stack = _buffers.Stack;
    }

    /// <summary>Hands the token buffer and node stack on to the thread's next parse; the parser is not used afterwards.</summary>
    public void ReleaseBuffers() => _buffers.Return(_tokens, _stack, _stackTop);

    public Lexer Lexer => _lexer;

    private bool Is314 => _options.Version >= PythonVersion.Python314;

    public ModModule ParseModule()
    {
        var mark = Mark();
        while (Kind != TokenKind.EndOfFile)
        {
            ParseStatement();
        }

        return new ModModule(PopArray<Stmt>(mark), ImmutableArray<TypeIgnore>.Empty, new TextSpan(0, _text.Length));
    }

    // ---- Tokens ----------------------------------------------------------------------------------

    // The token accessors below run several times per token. They are forced inline: without profile
    // data (ahead-of-time compilation, or before tiering) the JIT leaves even these as calls.

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref readonly Token Peek(int ahead = 0)
    {
        var index = _pos + ahead;
        if (index >= _tokenCount)
        {
            FillTo(index);
        }

        if (index > _furthest)
        {
            _furthest = index;
        }

        return ref _tokens[index];
    }

    /// <summary>The furthest token index looked at: where CPython reports a generic syntax error.</summary>
    private int _furthest;

    private TokenKind Kind
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Peek().Kind;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TokenKind PeekKind(int ahead) => Peek(ahead).Kind;

    /// <summary>Reads tokens from the lexer until the buffer holds the one at <paramref name="index"/>.</summary>
    private void FillTo(int index)
    {
        while (index >= _tokenCount)
        {
            if (_tokenCount == _tokens.Length)
            {
                Array.Resize(ref _tokens, _tokens.Length * 2);
            }

            // After the end of file the lexer keeps answering EndOfFile, so lookahead past it is harmless.
            _tokens[_tokenCount++] = _lexer.Finished ? new Token(TokenKind.EndOfFile, _text.Length, _text.Length) : _lexer.Next();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Token Advance()
    {
        var token = Peek();
        _pos++;
        return token;
    }

    /// <summary>
    /// The end of the last consumed token other than NEWLINE, INDENT and DEDENT: where the node being built
    /// ends (a compound statement ends with its last statement, not with the dedent after it).
    /// </summary>
    private int PrevEnd
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var i = _pos - 1;
            while (i > 0 && _tokens[i].Kind is TokenKind.NewLine or TokenKind.Indent or TokenKind.Dedent)
            {
                i--;
            }

            return _tokens[i].End;
        }
    }

    private int CurrentStart
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Peek().Start;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TextSpan SpanFrom(int start) => new(start, PrevEnd);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Accept(TokenKind kind)
    {
        if (Kind != kind)
        {
            return false;
        }

        _pos++;
        return true;
    }

    private Token Expect(TokenKind kind)
    {
        if (Kind != kind)
        {
            throw InvalidSyntax();
        }

        return Advance();
    }

    /// <summary>A token that must be there, or CPython's "expected 'X'" error (grammar's forced tokens).</summary>
    private Token ExpectForced(TokenKind kind)
    {
        if (Kind != kind)
        {
            throw ErrorAtCurrent($"expected '{Keywords.Spelling(kind)}'");
        }

        return Advance();
    }

    private bool IsName(string text, int ahead = 0)
    {
        ref readonly var token = ref Peek(ahead);
        return token.Kind == TokenKind.Name && _text.AsSpan(token.Start, token.End - token.Start).SequenceEqual(text);
    }

    /// <summary>
    /// Drops the tokens before the current one when no position is marked (called as each statement
    /// starts), so memory for tokens stays proportional to one statement rather than to the file.
    /// </summary>
    private void ReleaseConsumedTokens()
    {
        if (_speculation > 0 || _pos < _tokens.Length / 2)
        {
            return;
        }

        // Keep the last consumed significant token: PrevEnd reads it.
        var keepFrom = _pos - 1;
        while (keepFrom > 0 && _tokens[keepFrom].Kind is TokenKind.NewLine or TokenKind.Indent or TokenKind.Dedent)
        {
            keepFrom--;
        }

        Array.Copy(_tokens, keepFrom, _tokens, 0, _tokenCount - keepFrom);
        _tokenCount -= keepFrom;
        _pos -= keepFrom;
        _furthest = Math.Max(0, _furthest - keepFrom);
    }

    // ---- Node lists --------------------------------------------------------------------------------

    // One stack shared by every list under construction: a list's items are pushed above the mark taken
    // when it started, nested lists push above them, and the finished list is copied once into an array
    // of its exact size.
    private NodeSlot[] _stack;
    private int _stackTop;

    private int Mark() => _stackTop;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Push(Node? node)
    {
        if (_stackTop == _stack.Length)
        {
            Array.Resize(ref _stack, _stack.Length * 2);
        }

        _stack[_stackTop++].Node = node;
    }

    private int CountSince(int mark) => _stackTop - mark;

    private Node? StackAt(int index) => _stack[index].Node;

    private ImmutableArray<T> PopArray<T>(int mark) where T : Node?
    {
        var count = _stackTop - mark;
        if (count == 0)
        {
            return ImmutableArray<T>.Empty;
        }

        var items = new T[count];
        for (var i = 0; i < count; i++)
        {
            items[i] = (T)_stack[mark + i].Node!;
            _stack[mark + i].Node = null;
        }

        _stackTop = mark;
        return ImmutableCollectionsMarshal.AsImmutableArray(items);
    }

    private void DropTo(int mark)
    {
        Array.Clear(_stack, mark, _stackTop - mark);
        _stackTop = mark;
    }

    private static ImmutableArray<T> One<T>(T item) => ImmutableCollectionsMarshal.AsImmutableArray(new[] { item });

    // ---- Recursion -----------------------------------------------------------------------------------

    /// <summary>
    /// Guards every routine the grammar can nest without bound. Deep input gets CPython's "too complex"
    /// error long before the thread's stack is at risk; the stack probe is the backstop for threads with
    /// small stacks.
    /// </summary>
    private void Enter()
    {
        if (++_recursion > MaxRecursion || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new PythonSyntaxException("Parser stack overflowed - Python source too complex to parse", SyntaxErrorKind.MemoryError, CurrentStartSafe(), CurrentStartSafe());
        }
    }

    private void Exit() => _recursion--;

    private int CurrentStartSafe() => _pos < _tokenCount ? _tokens[_pos].Start : _pos > 0 ? _tokens[_pos - 1].End : 0;


    // ---- Speculation ---------------------------------------------------------------------------------

    /// <summary>
    /// Runs <paramref name="parse"/> and returns its result, or returns to the current position and
    /// returns null if it fails with a parser error. Tokenizer errors are real errors and propagate.
    /// </summary>
    private T? Try<T>(Func<T> parse) where T : class
    {
        var position = _pos;
        var stack = _stackTop;
        var recursion = _recursion;
        _speculation++;
        try
        {
            return parse();
        }
        catch (PythonSyntaxException e) when (!e.FromTokenizer && e.Kind != SyntaxErrorKind.MemoryError)
        {
            _pos = position;
            DropTo(stack);
            _recursion = recursion;
            return null;
        }
        finally
        {
            _speculation--;
        }
    }

    // ---- Names -----------------------------------------------------------------------------------------

    private readonly IdentifierTable _identifiers = IdentifierTable.ForCurrentThread();

    /// <summary>The identifier of a NAME token: NFKC-normalised when not ASCII (PEP 3131), shared when already met.</summary>
    private string Identifier(in Token token) => _identifiers.Intern(_text.AsSpan(token.Start, token.End - token.Start));

    private string ExpectIdentifier()
    {
        if (Kind != TokenKind.Name)
        {
            throw InvalidSyntax();
        }

        return Identifier(Advance());
    }
}
