using System.Collections.Frozen;
using System.Text.RegularExpressions;
using PyGuard.Analyzers.Common;
using PyGuard.Analyzers.Exec;
using PyGuard.Semantics;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Exfil;

// PyGuard.Regex (the ReDoS library) shadows the type name inside PyGuard.Analyzers.
using Regex = System.Text.RegularExpressions.Regex;

/// <summary>A call that hands data to another program: the command it runs (when it starts one) and the network tool it names.</summary>
internal sealed record ProcessCall(string Function, string? Command, string? NetworkTool);

/// <summary>
/// Calls that give data to other programs — every way of starting one (see PG204/PG205) and writing to
/// a started process's input (<c>communicate</c>, <c>stdin.write</c>) — and whether the program is a
/// network tool such as curl, wget, netcat or scp.
/// </summary>
internal static partial class ProcessCalls
{
    private static readonly FrozenSet<string> InputWriters = FrozenSet.ToFrozenSet(
    [
        "subprocess.Popen.communicate", "subprocess.Popen.stdin.write", "subprocess.Popen.stdin.writelines",
        "asyncio.subprocess.Process.communicate", "asyncio.subprocess.Process.stdin.write",
    ], StringComparer.Ordinal);

    /// <summary>Every callee of a call that <see cref="Find"/> finds: it looks at no other call.</summary>
    public static readonly FrozenSet<string> Functions = InputWriters
        .Concat(ShellCommand.ShellFunctions).Concat(ShellCommand.SubprocessFunctions).Concat(ProcessExecution.Starters)
        .ToFrozenSet(StringComparer.Ordinal);

    public static ProcessCall? Find(SemanticModel model, ExprCall call)
    {
        foreach (var name in model.CalleeNames(call))
        {
            if (InputWriters.Contains(name))
            {
                return new ProcessCall(name, null, null);
            }

            if (ShellCommand.ShellFunctions.Contains(name) || ShellCommand.SubprocessFunctions.Contains(name) || ProcessExecution.Starters.Contains(name))
            {
                var command = CommandOutline(model, call);
                var tool = NetworkTool().Match(command);
                return new ProcessCall(name, command, tool.Success ? tool.Groups["tool"].Value : null);
            }
        }

        return null;
    }

    // Outside Find, whose every call would otherwise allocate the lambda's closure over model.
    private static string CommandOutline(SemanticModel model, ExprCall call) =>
        string.Join(' ', call.Args.Select(a => KnownText.Outline(model, a is ExprStarred s ? s.Value : a)));

    [GeneratedRegex(@"(?:^|[\s;|&(`'""])(?:[^\s;|&(`'""]*/)?(?<tool>curl|wget|nc|ncat|netcat|socat|scp|sftp|rsync|ftp|tftp|ssh|telnet|nslookup|dig|host)(?=\s|$|['""])")]
    private static partial Regex NetworkTool();
}
