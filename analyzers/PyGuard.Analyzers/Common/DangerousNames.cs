using System.Collections.Frozen;

namespace PyGuard.Analyzers.Common;

/// <summary>
/// Names whose appearance as a computed string means someone is hiding a dangerous call: the builtins
/// that execute or reflect, the modules that reach the system, and their most used members.
/// </summary>
internal static class DangerousNames
{
    public static readonly FrozenSet<string> All = FrozenSet.ToFrozenSet(
    [
        "eval", "exec", "compile", "__import__", "execfile", "getattr", "setattr", "globals", "locals", "vars",
        "__builtins__", "builtins", "__globals__", "__subclasses__", "__code__", "__class__", "__base__", "__bases__",
        "__mro__", "__dict__", "__getattribute__", "__reduce__", "os", "sys", "subprocess", "pty", "ctypes", "socket",
        "shutil", "importlib", "marshal", "pickle", "system", "popen", "spawn", "execv", "execve", "execl", "fork",
        "kill", "remove", "unlink", "rmtree", "rmdir", "Popen", "run", "call", "check_output", "check_call",
        "import_module", "open", "b64decode", "decompress", "loads", "load", "f_globals", "f_back", "f_builtins",
        "_getframe", "modules", "environ", "getenv", "connect", "urlopen", "request", "requests", "send", "sendall",
    ], StringComparer.Ordinal);

    public static bool Contains(string name) => All.Contains(name);
}
