using System.Collections.Immutable;
using System.Text;

namespace PyGuard.Semantics.Values;

/// <summary>Where a path is anchored when its first part depends on the machine the code runs on.</summary>
public enum PathRoot
{
    /// <summary>Not anchored: the path is its text, absolute (<c>/etc/hosts</c>) or relative to the working directory.</summary>
    None,

    /// <summary>The user's home directory (<c>~</c>, <c>Path.home()</c>, <c>$HOME</c>).</summary>
    Home,

    /// <summary>The working directory made absolute (<c>os.getcwd()</c>, <c>Path.cwd()</c>, <c>os.path.abspath</c>).</summary>
    WorkingDirectory,

    /// <summary>A temporary file or directory the code created itself (<c>mkdtemp</c>, <c>mkstemp</c>, <c>TemporaryDirectory</c>).</summary>
    OwnTemporary,

    /// <summary>The shared temporary directory (<c>tempfile.gettempdir()</c>).</summary>
    SharedTemporary,

    /// <summary>An interpreter's site-packages directory (<c>site.getsitepackages()</c>, sysconfig <c>purelib</c>).</summary>
    SitePackages,

    /// <summary>The user's site-packages directory (<c>site.getusersitepackages()</c>, <c>site.USER_SITE</c>).</summary>
    UserSitePackages,

    /// <summary>The interpreter's scripts directory (sysconfig <c>scripts</c>), which is on PATH.</summary>
    Scripts,

    /// <summary>The standard library directory (sysconfig <c>stdlib</c>).</summary>
    StandardLibrary,

    /// <summary>The interpreter's installation prefix (<c>sys.prefix</c>).</summary>
    Prefix,

    /// <summary>A directory the analysis cannot name (a parameter, input).</summary>
    Unknown,
}

/// <summary>
/// A filesystem path known in part: a <see cref="Root"/> whose location depends on the machine, and the
/// <see cref="Rest"/> below it, which may hold parts the analysis cannot know (written
/// <see cref="UnknownPart"/>) and glob characters. With root <see cref="PathRoot.None"/> the rest is the
/// whole path. A fully known <c>str</c> path is a <see cref="ConstValue"/>, never a PathValue; a
/// <c>pathlib</c> object is a PathValue whatever is known of it (<see cref="IsPathObject"/>).
/// </summary>
public sealed record PathValue(PathRoot Root, string Rest, bool IsPathObject) : Value
{
    /// <summary>Stands for a part of the path that is not known (a variable file name, a user name).</summary>
    public const char UnknownPart = '\0';

    /// <summary>Whether every part of the path is known (it may still be anchored at a machine-dependent root).</summary>
    public bool IsFullyKnown => !Rest.Contains(UnknownPart, StringComparison.Ordinal);

    /// <summary>
    /// The path as text, with the root written the way a person would (<c>~/.ssh/id_rsa</c>,
    /// <c>&lt;site-packages&gt;/x.pth</c>) and unknown parts as <c>*</c>, for messages and matching.
    /// </summary>
    public string Display
    {
        get
        {
            var rest = Rest.Replace(UnknownPart, '*');
            var anchor = RootText(Root);
            if (anchor is null)
            {
                return rest;
            }

            return rest.Length == 0 ? anchor : anchor + "/" + rest;
        }
    }

    /// <summary>How a root is written in <see cref="Display"/>; null for <see cref="PathRoot.None"/>.</summary>
    public static string? RootText(PathRoot root) => root switch
    {
        PathRoot.None => null,
        PathRoot.Home => "~",
        PathRoot.WorkingDirectory => "<working directory>",
        PathRoot.OwnTemporary => "<temporary path it created>",
        PathRoot.SharedTemporary => "<temporary directory>",
        PathRoot.SitePackages => "<site-packages>",
        PathRoot.UserSitePackages => "<user site-packages>",
        PathRoot.Scripts => "<scripts directory>",
        PathRoot.StandardLibrary => "<standard library>",
        PathRoot.Prefix => "<python prefix>",
        _ => "<unknown directory>",
    };

    public bool Equals(PathValue? other) =>
        other is not null && Root == other.Root && IsPathObject == other.IsPathObject && string.Equals(Rest, other.Rest, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Root, Rest, IsPathObject);

    public override string ToString() => (IsPathObject ? "Path(" : "path(") + Display + ")";
}

/// <summary>How the elements of a <see cref="PathListingValue"/> relate to its pattern.</summary>
public enum ListingKind
{
    /// <summary>Every element is a path matching the pattern (<c>glob.glob</c>, <c>Path.rglob</c>, <c>site.getsitepackages()</c>).</summary>
    Paths,

    /// <summary>Every element is an <c>os.walk</c> triple whose first item is a directory at or below the pattern.</summary>
    Walk,
}

/// <summary>
/// A sequence of paths of unknown length, each described by one of a few patterns: what globbing or
/// walking a tree yields (several patterns when listings are concatenated).
/// </summary>
public sealed record PathListingValue(ImmutableArray<PathValue> Patterns, ListingKind Kind) : Value
{
    /// <summary>Most patterns a concatenation of listings keeps before it is no longer tracked.</summary>
    public const int MaxPatterns = 8;

    public PathListingValue(PathValue pattern, ListingKind kind)
        : this([pattern], kind)
    {
    }

    public bool Equals(PathListingValue? other) =>
        other is not null && Kind == other.Kind && Patterns.AsSpan().SequenceEqual(other.Patterns.AsSpan());

    public override int GetHashCode() => HashCode.Combine(Kind, Patterns.Length);

    public override string ToString() => $"<{(Kind == ListingKind.Walk ? "walk" : "paths")} of {string.Join(", ", Patterns.Select(p => p.Display))}>";
}

/// <summary>Text helpers shared by path folding and the rules that read paths.</summary>
public static class PathText
{
    /// <summary>Joins two parts the way <c>os.path.join</c> does (an absolute second part replaces the first).</summary>
    public static string Join(string left, string right)
    {
        if (right.StartsWith('/') || left.Length == 0)
        {
            return right;
        }

        return left.EndsWith('/') ? left + right : left + "/" + right;
    }

    /// <summary><c>posixpath.normpath</c>: collapses separators, <c>.</c> and resolvable <c>..</c>.</summary>
    public static string Normalize(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var absolute = path.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && ((!absolute && parts.Count > 0 && parts[^1] != "..") || (absolute && parts.Count > 0)))
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".." || !absolute)
            {
                parts.Add(part);
            }
        }

        var text = string.Join('/', parts);
        return absolute ? "/" + text : text.Length == 0 ? "." : text;
    }

    /// <summary>How <c>pathlib</c> spells a path: separators collapsed, <c>.</c> parts dropped, <c>..</c> kept.</summary>
    public static string PurePath(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var builder = new StringBuilder();
        if (path.StartsWith('/'))
        {
            builder.Append('/');
        }

        var first = true;
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (!first)
            {
                builder.Append('/');
            }

            builder.Append(part);
            first = false;
        }

        return builder.Length == 0 ? "." : builder.ToString();
    }

    /// <summary>The last component (<c>os.path.basename</c>).</summary>
    public static string BaseName(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>Everything before the last component (<c>os.path.dirname</c>).</summary>
    public static string DirName(string path)
    {
        var slash = path.LastIndexOf('/');
        if (slash < 0)
        {
            return string.Empty;
        }

        var head = path[..(slash + 1)];
        var trimmed = head.TrimEnd('/');
        return trimmed.Length == 0 ? head : trimmed;
    }
}
