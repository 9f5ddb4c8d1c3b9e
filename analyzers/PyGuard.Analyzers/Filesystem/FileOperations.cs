using System.Collections.Frozen;
using PyGuard.Semantics;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Filesystem;

/// <summary>What a call does to the file a path names.</summary>
internal enum FileAction
{
    /// <summary>Deletes it (<c>os.remove</c>, <c>shutil.rmtree</c>, <c>Path.unlink</c>).</summary>
    Delete,

    /// <summary>Moves it away (the source of <c>os.rename</c>, <c>shutil.move</c>): it is gone from where it was.</summary>
    MoveAway,

    /// <summary>Creates or changes it (<c>open(p, 'w')</c>, <c>Path.write_text</c>, the destination of a copy or move).</summary>
    Write,

    /// <summary>Changes its permission bits (<c>os.chmod</c>, <c>Path.chmod</c>); <see cref="FileOperation.Detail"/> is the mode.</summary>
    Chmod,

    /// <summary>Changes its owner (<c>os.chown</c>, <c>shutil.chown</c>); <see cref="FileOperation.Detail"/> is the new owner.</summary>
    Chown,

    /// <summary>Creates a link at it; <see cref="FileOperation.Detail"/> is what the link points to.</summary>
    Link,
}

/// <summary>One effect of a call on the filesystem: the function, what it does, the path it acts on, and a detail (mode, owner, link target).</summary>
internal sealed record FileOperation(string Function, FileAction Action, Expr Path, Expr? Detail);

/// <summary>
/// The filesystem effects of a call, for the PG7xx rules: which argument is the path each function
/// deletes, moves, writes, re-permissions or links, however the function is reached (the model
/// resolves aliases, and pathlib methods by their qualified name with the path as receiver).
/// </summary>
internal static class FileOperations
{
    private readonly record struct Shape(FileAction Action, int Position, string? Keyword, int DetailPosition = -1, string? DetailKeyword = null);

    private static readonly FrozenDictionary<string, Shape[]> Table = new Dictionary<string, Shape[]>(StringComparer.Ordinal)
    {
        ["os.remove"] = [new(FileAction.Delete, 0, "path")],
        ["os.unlink"] = [new(FileAction.Delete, 0, "path")],
        ["os.rmdir"] = [new(FileAction.Delete, 0, "path")],
        ["os.removedirs"] = [new(FileAction.Delete, 0, "name")],
        ["shutil.rmtree"] = [new(FileAction.Delete, 0, "path")],
        ["pathlib.Path.unlink"] = [new(FileAction.Delete, -1, null)],
        ["pathlib.Path.rmdir"] = [new(FileAction.Delete, -1, null)],
        ["os.rename"] = [new(FileAction.MoveAway, 0, "src"), new(FileAction.Write, 1, "dst")],
        ["os.renames"] = [new(FileAction.MoveAway, 0, "old"), new(FileAction.Write, 1, "new")],
        ["os.replace"] = [new(FileAction.MoveAway, 0, "src"), new(FileAction.Write, 1, "dst")],
        ["shutil.move"] = [new(FileAction.MoveAway, 0, "src"), new(FileAction.Write, 1, "dst")],
        ["pathlib.Path.rename"] = [new(FileAction.MoveAway, -1, null), new(FileAction.Write, 0, "target")],
        ["pathlib.Path.replace"] = [new(FileAction.MoveAway, -1, null), new(FileAction.Write, 0, "target")],
        ["shutil.copy"] = [new(FileAction.Write, 1, "dst")],
        ["shutil.copy2"] = [new(FileAction.Write, 1, "dst")],
        ["shutil.copyfile"] = [new(FileAction.Write, 1, "dst")],
        ["shutil.copytree"] = [new(FileAction.Write, 1, "dst")],
        ["pathlib.Path.write_text"] = [new(FileAction.Write, -1, null)],
        ["pathlib.Path.write_bytes"] = [new(FileAction.Write, -1, null)],
        ["pathlib.Path.touch"] = [new(FileAction.Write, -1, null)],
        ["os.truncate"] = [new(FileAction.Write, 0, "path")],
        ["os.mkfifo"] = [new(FileAction.Write, 0, "path")],
        ["os.mknod"] = [new(FileAction.Write, 0, "path")],
        ["os.chmod"] = [new(FileAction.Chmod, 0, "path", 1, "mode")],
        ["os.lchmod"] = [new(FileAction.Chmod, 0, "path", 1, "mode")],
        ["pathlib.Path.chmod"] = [new(FileAction.Chmod, -1, null, 0, "mode")],
        ["pathlib.Path.lchmod"] = [new(FileAction.Chmod, -1, null, 0, "mode")],
        ["os.chown"] = [new(FileAction.Chown, 0, "path", 1, "uid")],
        ["os.lchown"] = [new(FileAction.Chown, 0, "path", 1, "uid")],
        ["shutil.chown"] = [new(FileAction.Chown, 0, "path", 1, "user")],
        ["os.symlink"] = [new(FileAction.Link, 1, "dst", 0, "src")],
        ["os.link"] = [new(FileAction.Link, 1, "dst", 0, "src")],
        ["pathlib.Path.symlink_to"] = [new(FileAction.Link, -1, null, 0, "target")],
        ["pathlib.Path.hardlink_to"] = [new(FileAction.Link, -1, null, 0, "target")],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Every callee of a call that has a filesystem effect: the table's and the openers'. The rules asking
    /// about effects register for calls of these only, as no other call has one.
    /// </summary>
    public static readonly FrozenSet<string> Functions =
        Table.Keys.Concat(["builtins.open", "io.FileIO", "pathlib.Path.open", "os.open"]).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The filesystem effects of <paramref name="call"/> (none for calls that do not touch files).</summary>
    public static IEnumerable<FileOperation> Of(SemanticModel model, ExprCall call)
    {
        foreach (var name in model.CalleeNames(call))
        {
            if (Table.TryGetValue(name, out var shapes))
            {
                foreach (var shape in shapes)
                {
                    var path = shape.Position < 0 ? Receiver(call) : call.Argument(shape.Position, shape.Keyword);
                    if (path is not null)
                    {
                        yield return new FileOperation(name, shape.Action, path,
                            shape.DetailPosition < 0 ? null : call.Argument(shape.DetailPosition, shape.DetailKeyword));
                    }
                }

                yield break;
            }

            var opened = name switch
            {
                "builtins.open" or "io.FileIO" when OpensForWriting(model, call.Argument(1, "mode"), "r") => call.Argument(0, "file"),
                "pathlib.Path.open" when OpensForWriting(model, call.Argument(0, "mode"), "r") => Receiver(call),
                "os.open" when call.Argument(1, "flags") is { } flags && model.ConstantOf(flags) is PyInt value && (value.Value & 3) != 0 => call.Argument(0, "path"),
                _ => null,
            };
            if (opened is not null)
            {
                yield return new FileOperation(name, FileAction.Write, opened, null);
                yield break;
            }
        }
    }

    /// <summary>Every place the call acts on with one of <paramref name="actions"/>, paired with the operation.</summary>
    public static IEnumerable<(FileOperation Operation, PathLocation Location)> Targets(SemanticModel model, ExprCall call, params FileAction[] actions)
    {
        foreach (var operation in Of(model, call))
        {
            if (actions.Contains(operation.Action))
            {
                foreach (var location in PathLocations.Of(model, operation.Path))
                {
                    yield return (operation, location);
                }
            }
        }
    }

    /// <summary>Whether a mode may write: one of its possible values has w, a, x or +.</summary>
    private static bool OpensForWriting(SemanticModel model, Expr? mode, string absent)
    {
        var modes = mode is null ? [absent] : model.ValueOf(mode).Strings.ToList();
        return modes.Any(m => m.IndexOfAny(['w', 'a', 'x', '+']) >= 0);
    }

    private static Expr? Receiver(ExprCall call) => call.Func is ExprAttribute attribute ? attribute.Value : null;
}
