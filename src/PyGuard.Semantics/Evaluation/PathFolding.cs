using PyGuard.Semantics.Values;

namespace PyGuard.Semantics.Evaluation;

/// <summary>
/// Path operations on values that are known in part: <c>os.path.join</c> and <c>expanduser</c>,
/// pathlib's <c>/</c>, <c>joinpath</c>, <c>parent</c> and <c>name</c>, and string concatenation of a
/// path with more text. A path anchored at a machine-dependent root (the home directory, a temporary
/// directory the code made, site-packages) keeps that root, so that the filesystem and exfiltration
/// rules know where the path points without the analysis inventing a concrete directory. Results
/// that are fully known <c>str</c> paths are plain constants, exactly what Python computes.
/// </summary>
public static class PathFolding
{
    /// <summary>A path seen as its parts: the root, the text below it, and whether it is a pathlib object.</summary>
    public readonly record struct PathParts(PathRoot Root, string Rest, bool IsPathObject);

    /// <summary>Paths longer than this are not tracked (no real path is; building one is an attempt to exhaust the analysis).</summary>
    private const int MaxLength = 4096;

    private static readonly string Unknown = PathValue.UnknownPart.ToString();

    /// <summary>Reads a value as a path: a str constant, a known path, or a pathlib object of unknown location.</summary>
    public static PathParts? AsPath(Value value) => value switch
    {
        ConstValue { Constant: PyStr s } => new PathParts(PathRoot.None, s.Value, false),
        PathValue p => new PathParts(p.Root, p.Rest, p.IsPathObject),
        InstanceValue { TypeName: "pathlib.Path" } => new PathParts(PathRoot.Unknown, string.Empty, true),
        _ => null,
    };

    /// <summary>The value for a path: a plain constant when it is a fully known str, else a <see cref="PathValue"/>.</summary>
    public static Value Make(PathRoot root, string rest, bool isPathObject)
    {
        rest = CollapseUnknown(rest);
        if (root == PathRoot.None && rest.StartsWith(PathValue.UnknownPart))
        {
            root = PathRoot.Unknown;
            rest = rest.TrimStart(PathValue.UnknownPart).TrimStart('/');
        }

        if (isPathObject)
        {
            rest = root == PathRoot.None ? PathText.PurePath(rest) : PureRest(rest);
        }

        return root == PathRoot.None && !isPathObject && !rest.Contains(PathValue.UnknownPart, StringComparison.Ordinal)
            ? new ConstValue(new PyStr(rest))
            : new PathValue(root, rest, isPathObject);
    }

    /// <summary>The value for <paramref name="path"/> (see <see cref="Make(PathRoot, string, bool)"/>).</summary>
    public static Value Make(PathParts path) => Make(path.Root, path.Rest, path.IsPathObject);

    /// <summary>The same path as a str (<c>str(p)</c>, <c>os.fspath(p)</c>, an f-string field).</summary>
    public static Value ToStr(PathParts path) => Make(path.Root, path.Rest, isPathObject: false);

    /// <summary>The same path as a pathlib object (<c>Path(p)</c>).</summary>
    public static Value ToPathObject(PathParts path) => Make(path.Root, path.Rest, isPathObject: true);

    /// <summary>Appends one part (null: a part that is not known) the way <c>os.path.join</c> and pathlib's <c>/</c> do.</summary>
    public static PathParts Join(PathParts left, PathParts? right)
    {
        if (right is { } tooLong && (long)left.Rest.Length + tooLong.Rest.Length > MaxLength)
        {
            // Beyond any real path: only the root is kept.
            return left with { Rest = JoinRest(left.Root, string.Empty, Unknown) };
        }

        if (right is not { } part)
        {
            return left with { Rest = JoinRest(left.Root, left.Rest, Unknown) };
        }

        if (part.Root != PathRoot.None)
        {
            // An anchored part (~/x, a temporary directory) is absolute: it replaces what came before.
            return part with { IsPathObject = left.IsPathObject };
        }

        if (part.Rest.StartsWith('/'))
        {
            return new PathParts(PathRoot.None, part.Rest, left.IsPathObject);
        }

        return left with { Rest = JoinRest(left.Root, left.Rest, part.Rest) };
    }

    /// <summary>
    /// <c>left + right</c> for str paths, when the result is still recognisably a path: a known path
    /// followed by more text, or an absolute prefix followed by text the analysis does not know. Null
    /// when the result is not a path (<c>'--file=' + path</c>, <c>'Hello ' + name</c>).
    /// </summary>
    public static PathParts? Concat(PathParts? left, PathParts? right)
    {
        if (left is not { } l || l.IsPathObject || right is { IsPathObject: true })
        {
            return null;
        }

        if (right is { Root: not PathRoot.None and not PathRoot.Unknown } anchored)
        {
            return l.Root == PathRoot.None && l.Rest.Length == 0 ? anchored : null;
        }

        var pathLike = l.Root != PathRoot.None || l.Rest.StartsWith('/');
        if (!pathLike)
        {
            return null;
        }

        var text = right switch
        {
            null => Unknown,
            { Root: PathRoot.Unknown } r => Unknown + r.Rest,
            { } r => r.Rest,
        };

        if ((long)l.Rest.Length + text.Length > MaxLength)
        {
            return null;
        }

        if (l.Root != PathRoot.None && l.Rest.Length == 0)
        {
            // '~' + '/.ssh': the text continues below the root.
            return l with { Rest = text.TrimStart('/') };
        }

        return l with { Rest = l.Rest + text };
    }

    /// <summary><c>os.path.expanduser</c> and <c>Path.expanduser</c>: a leading <c>~</c> or <c>~user</c> becomes the home root.</summary>
    public static PathParts ExpandUser(PathParts path)
    {
        if (path.Root != PathRoot.None || !path.Rest.StartsWith('~'))
        {
            return path;
        }

        var slash = path.Rest.IndexOf('/');
        var below = slash < 0 ? string.Empty : path.Rest[(slash + 1)..];
        return new PathParts(PathRoot.Home, below.TrimStart('/'), path.IsPathObject);
    }

    /// <summary><c>os.path.expandvars</c>: <c>$HOME</c> becomes the home root; other variables are unknown parts.</summary>
    public static PathParts ExpandVariables(PathParts path)
    {
        if (path.Root != PathRoot.None || !path.Rest.Contains('$', StringComparison.Ordinal))
        {
            return path;
        }

        foreach (var home in (string[])["$HOME", "${HOME}"])
        {
            if (path.Rest == home || path.Rest.StartsWith(home + "/", StringComparison.Ordinal))
            {
                return new PathParts(PathRoot.Home, path.Rest[home.Length..].TrimStart('/'), path.IsPathObject);
            }
        }

        return path with { Rest = System.Text.RegularExpressions.Regex.Replace(path.Rest, @"\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)", Unknown) };
    }

    /// <summary><c>os.path.abspath</c>, <c>Path.resolve</c>, <c>Path.absolute</c>: a relative path is anchored at the working directory.</summary>
    public static PathParts Absolute(PathParts path)
    {
        if (path.Root != PathRoot.None || path.Rest.StartsWith('/'))
        {
            return path.Root == PathRoot.None && path.IsFullyKnownText() ? path with { Rest = PathText.Normalize(path.Rest) } : path;
        }

        var rest = path.IsFullyKnownText() ? PathText.Normalize(path.Rest) : path.Rest;
        return new PathParts(PathRoot.WorkingDirectory, rest == "." ? string.Empty : rest, path.IsPathObject);
    }

    /// <summary>The directory part (<c>os.path.dirname</c>, <c>Path.parent</c>); the parent of a root itself is not known.</summary>
    public static PathParts Parent(PathParts path)
    {
        var rest = path.IsPathObject ? PureRest(path.Rest) : path.Rest;
        if (path.Root != PathRoot.None && rest.Length == 0)
        {
            return new PathParts(PathRoot.Unknown, string.Empty, path.IsPathObject);
        }

        if (path.IsPathObject && path.Root == PathRoot.None)
        {
            var parent = PathText.DirName(PathText.PurePath(rest));
            return path with { Rest = parent.Length == 0 ? "." : parent };
        }

        return path with { Rest = PathText.DirName(rest) };
    }

    /// <summary>The last component when it is known (<c>os.path.basename</c>, <c>Path.name</c>), else null.</summary>
    public static string? Name(PathParts path)
    {
        var rest = path.IsPathObject ? PureRest(path.Rest) : path.Rest;
        var name = PathText.BaseName(rest);
        if (name.Contains(PathValue.UnknownPart, StringComparison.Ordinal) || (path.Root != PathRoot.None && rest.Length == 0))
        {
            return null;
        }

        return path.Root == PathRoot.None && name == "." ? string.Empty : name;
    }

    /// <summary><c>Path.with_name</c>: the last component replaced.</summary>
    public static PathParts WithName(PathParts path, string name)
    {
        var parent = Parent(path);
        return parent.Root == PathRoot.Unknown && path.Root != PathRoot.Unknown
            ? parent with { Rest = name }
            : Join(parent, new PathParts(PathRoot.None, name, false));
    }

    /// <summary>A pattern below a directory: what globbing, walking or listing it yields.</summary>
    public static PathParts Below(PathParts directory, string pattern) =>
        Join(directory, new PathParts(PathRoot.None, pattern, false));

    private static bool IsFullyKnownText(this PathParts path) => !path.Rest.Contains(PathValue.UnknownPart, StringComparison.Ordinal);

    private static string JoinRest(PathRoot root, string rest, string part)
    {
        if (root != PathRoot.None && rest.Length == 0)
        {
            return part;
        }

        return PathText.Join(rest, part);
    }

    /// <summary>pathlib's spelling of the text below an anchored root ("" for the root itself).</summary>
    private static string PureRest(string rest)
    {
        var pure = PathText.PurePath(rest);
        return pure == "." ? string.Empty : pure.TrimStart('/');
    }

    private static string CollapseUnknown(string text)
    {
        var doubled = Unknown + Unknown;
        while (text.Contains(doubled, StringComparison.Ordinal))
        {
            text = text.Replace(doubled, Unknown, StringComparison.Ordinal);
        }

        return text;
    }
}
