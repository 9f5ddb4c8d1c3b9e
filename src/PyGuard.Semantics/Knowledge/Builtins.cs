using System.Collections.Frozen;

namespace PyGuard.Semantics.Knowledge;

/// <summary>The names the <c>builtins</c> module provides in CPython 3.13 (a fact of the language, listed by <c>dir(builtins)</c>).</summary>
public static class Builtins
{
    public static readonly FrozenSet<string> Names = FrozenSet.ToFrozenSet(
    [
        "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "BaseExceptionGroup", "BlockingIOError", "BrokenPipeError", "BufferError", "BytesWarning", "ChildProcessError", "ConnectionAbortedError", "ConnectionError", "ConnectionRefusedError", "ConnectionResetError", "DeprecationWarning", "EOFError", "Ellipsis", "EncodingWarning", "EnvironmentError", "Exception", "ExceptionGroup", "False", "FileExistsError", "FileNotFoundError", "FloatingPointError", "FutureWarning", "GeneratorExit", "IOError", "ImportError", "ImportWarning", "IndentationError", "IndexError", "InterruptedError", "IsADirectoryError", "KeyError", "KeyboardInterrupt", "LookupError", "MemoryError", "ModuleNotFoundError", "NameError", "None", "NotADirectoryError", "NotImplemented", "NotImplementedError", "OSError", "OverflowError", "PendingDeprecationWarning", "PermissionError", "ProcessLookupError", "PythonFinalizationError", "RecursionError", "ReferenceError", "ResourceWarning", "RuntimeError", "RuntimeWarning", "StopAsyncIteration", "StopIteration", "SyntaxError", "SyntaxWarning", "SystemError", "SystemExit", "TabError", "TimeoutError", "True", "TypeError", "UnboundLocalError", "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeError", "UnicodeTranslateError", "UnicodeWarning", "UserWarning", "ValueError", "Warning", "ZeroDivisionError", "_IncompleteInputError", "__build_class__", "__debug__", "__import__", "abs", "aiter", "all", "anext", "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes", "callable", "chr", "classmethod", "compile", "complex", "copyright", "credits", "delattr", "dict", "dir", "divmod", "enumerate", "eval", "exec", "exit", "filter", "float", "format", "frozenset", "getattr", "globals", "hasattr", "hash", "help", "hex", "id", "input", "int", "isinstance", "issubclass", "iter", "len", "license", "list", "locals", "map", "max", "memoryview", "min", "next", "object", "oct", "open", "ord", "pow", "print", "property", "quit", "range", "repr", "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum", "super", "tuple", "type", "vars", "zip",
    ], StringComparer.Ordinal);

    /// <summary>
    /// The builtins that are functions written in C (<c>builtin_function_or_method</c>), whose
    /// <c>__self__</c> is the builtins module itself; the rest are types, constants, exceptions and the
    /// site module's helper objects (<c>help</c>, <c>exit</c>, ...). <c>open</c> is io's.
    /// </summary>
    private static readonly FrozenSet<string> Functions = FrozenSet.ToFrozenSet(
    [
        "__build_class__", "__import__", "abs", "aiter", "all", "anext", "any", "ascii", "bin", "breakpoint", "callable", "chr", "compile", "delattr", "dir", "divmod", "eval", "exec", "format", "getattr", "globals", "hasattr", "hash", "hex", "id", "input", "isinstance", "issubclass", "iter", "len", "locals", "max", "min", "next", "oct", "ord", "pow", "print", "repr", "round", "setattr", "sorted", "sum", "vars",
    ], StringComparer.Ordinal);

    public static bool IsBuiltin(string name) => Names.Contains(name);

    /// <summary>Whether the builtin <paramref name="name"/> is a function of the builtins module itself (not a type or <c>open</c>).</summary>
    public static bool IsFunction(string name) => Functions.Contains(name);

    /// <summary>The qualified name under which analyzers see a builtin, e.g. <c>builtins.eval</c>.</summary>
    public static string Qualify(string name) => "builtins." + name;
}
