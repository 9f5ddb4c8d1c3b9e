using PyGuard.Syntax.Lexing;

namespace PyGuard.Syntax.Parsing;

/// <summary>
/// The parser's token buffer and node stack, kept per thread from one parse to the next: a scan parses
/// file after file on each thread, and allocating both afresh for every file was a measurable share of
/// the parse's memory traffic. A parse takes its thread's buffers and gives them back when it is done.
/// Buffers that an unusual file grew beyond <see cref="MaxKeptLength"/> are not kept, so what a thread
/// holds between parses stays small whatever the input was.
/// </summary>
internal sealed class ParseBuffers
{
    internal const int InitialLength = 256;
    internal const int MaxKeptLength = 4096;

    [ThreadStatic]
    private static ParseBuffers? t_free;

    private ParseBuffers()
    {
    }

    public Token[] Tokens { get; private set; } = new Token[InitialLength];

    public NodeSlot[] Stack { get; private set; } = new NodeSlot[InitialLength];

    /// <summary>The calling thread's buffers, or new ones when another parse on the thread holds them.</summary>
    public static ParseBuffers Take()
    {
        var buffers = t_free ?? new ParseBuffers();
        t_free = null;
        return buffers;
    }

    /// <summary>
    /// Gives the buffers back with the arrays the parse ended with (it may have grown them). The stack must
    /// hold no node at or above <paramref name="stackTop"/>; the nodes below it, left by a failed parse, are
    /// cleared here so that a kept buffer does not keep a tree alive.
    /// </summary>
    public void Return(Token[] tokens, NodeSlot[] stack, int stackTop)
    {
        if (tokens.Length > MaxKeptLength || stack.Length > MaxKeptLength)
        {
            return;
        }

        Array.Clear(stack, 0, stackTop);
        Tokens = tokens;
        Stack = stack;
        t_free = this;
    }
}
