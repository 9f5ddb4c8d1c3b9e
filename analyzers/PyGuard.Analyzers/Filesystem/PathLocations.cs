using PyGuard.Semantics;
using PyGuard.Semantics.Values;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Filesystem;

/// <summary>Where a path points relative to the code's own space.</summary>
internal enum Place
{
    /// <summary>Inside the working directory (a relative path that does not climb out).</summary>
    WorkingDirectory,

    /// <summary>A temporary file or directory the code created itself.</summary>
    OwnTemporary,

    /// <summary>The shared temporary directory (<c>/tmp</c>, <c>tempfile.gettempdir()</c>) or something in it.</summary>
    SharedTemporary,

    /// <summary>A device or kernel interface: <c>/dev</c>, <c>/proc</c>, <c>/sys</c>.</summary>
    Device,

    /// <summary>Anywhere else: the home directory, an absolute path, the interpreter's directories, or climbing out with <c>..</c>.</summary>
    Outside,
}

/// <summary>
/// Where one possible value of a path points: its <see cref="Place"/>, its text (normalised, with
/// <c>~</c> for the home directory and <c>*</c> for parts not known), why it is outside, and whether it
/// is a pattern (a glob or a walked tree) or the root of its place itself.
/// </summary>
internal sealed record PathLocation(Place Place, PathRoot Root, string Text, string? Why, bool IsPattern, bool IsWholePlace)
{
    /// <summary>Whether the path leaves its directory with <c>..</c>, so that where it lands is not known.</summary>
    public bool ClimbsOut => Why is PathLocations.ClimbsOutOfWorkingDirectory or PathLocations.ClimbsOutOfTemporary;

    /// <summary>The text relative to the home directory (<c>.bashrc</c> for <c>~/.bashrc</c> or <c>/home/u/.bashrc</c>), or null.</summary>
    public string? BelowHome
    {
        get
        {
            if (Text.StartsWith("~/", StringComparison.Ordinal))
            {
                return Text[2..];
            }

            foreach (var home in (string[])["/root/", "/home/", "/Users/"])
            {
                if (Text.StartsWith(home, StringComparison.Ordinal))
                {
                    var rest = Text[home.Length..];
                    if (home == "/root/")
                    {
                        return rest;
                    }

                    var slash = rest.IndexOf('/');
                    return slash < 0 ? null : rest[(slash + 1)..];
                }
            }

            return null;
        }
    }
}

/// <summary>Classifies the paths an expression may be (constants, folded paths, glob and walk listings) by where they point.</summary>
internal static class PathLocations
{
    public const string ClimbsOutOfWorkingDirectory = "climbs out of the working directory with ..";

    public const string ClimbsOutOfTemporary = "climbs out of its temporary directory";

    private static readonly string[] TemporaryDirectories = ["/tmp", "/var/tmp", "/dev/shm"];

    private static readonly string[] DeviceDirectories = ["/dev", "/proc", "/sys"];

    /// <summary>Every location the path argument may be; nothing for paths the analysis cannot place.</summary>
    public static IEnumerable<PathLocation> Of(SemanticModel model, Expr path)
    {
        foreach (var item in model.ValueOf(path).Items)
        {
            switch (item)
            {
                case ConstValue { Constant: PyStr text } when text.Value.Length > 0 && Classify(PathRoot.None, text.Value, isPattern: false) is { } written:
                    yield return written;
                    break;
                case PathValue value when Classify(value.Root, value.Rest, isPattern: false) is { } located:
                    yield return located;
                    break;
                case PathListingValue listing:
                    foreach (var pattern in listing.Patterns)
                    {
                        if (Classify(pattern.Root, pattern.Rest, isPattern: true) is { } each)
                        {
                            yield return each;
                        }
                    }

                    break;
            }
        }
    }

    private static PathLocation? Classify(PathRoot root, string rest, bool isPattern)
    {
        var text = rest.Replace(PathValue.UnknownPart, '*');
        isPattern |= text.IndexOfAny(['*', '?', '[']) >= 0;
        switch (root)
        {
            case PathRoot.None when text.StartsWith('/'):
                return Absolute(PathText.Normalize(text), isPattern);
            case PathRoot.None or PathRoot.WorkingDirectory:
                return Relative(text, isPattern);
            case PathRoot.Home:
                return new PathLocation(Place.Outside, root, Anchored("~", text), "in the home directory", isPattern, text.Length == 0);
            case PathRoot.OwnTemporary:
                return Climbs(text)
                    ? new PathLocation(Place.Outside, root, Anchored(PathValue.RootText(root)!, text), ClimbsOutOfTemporary, isPattern, false)
                    : new PathLocation(Place.OwnTemporary, root, Anchored(PathValue.RootText(root)!, text), null, isPattern, text.Length == 0);
            case PathRoot.SharedTemporary:
                return new PathLocation(Place.SharedTemporary, root, Anchored(PathValue.RootText(root)!, text), null, isPattern, text.Length == 0);
            case PathRoot.Unknown:
                return null;
            default:
                return new PathLocation(Place.Outside, root, Anchored(PathValue.RootText(root)!, text), $"in {PathValue.RootText(root)}", isPattern, text.Length == 0);
        }
    }

    private static PathLocation Absolute(string text, bool isPattern)
    {
        foreach (var directory in TemporaryDirectories)
        {
            if (text == directory || text.StartsWith(directory + "/", StringComparison.Ordinal))
            {
                return new PathLocation(Place.SharedTemporary, PathRoot.None, text, null, isPattern, text == directory);
            }
        }

        foreach (var directory in DeviceDirectories)
        {
            if (text == directory || text.StartsWith(directory + "/", StringComparison.Ordinal))
            {
                return new PathLocation(Place.Device, PathRoot.None, text, "a device or kernel interface", isPattern, text == directory);
            }
        }

        return new PathLocation(Place.Outside, PathRoot.None, text, text == "/" ? "the root of the filesystem" : "an absolute path", isPattern, text == "/");
    }

    private static PathLocation Relative(string text, bool isPattern)
    {
        var normal = PathText.Normalize(text);
        return Climbs(normal)
            ? new PathLocation(Place.Outside, PathRoot.None, normal, ClimbsOutOfWorkingDirectory, isPattern, false)
            : new PathLocation(Place.WorkingDirectory, PathRoot.None, normal, null, isPattern, normal == ".");
    }

    private static bool Climbs(string relative) => PathText.Normalize(relative.Length == 0 ? "." : relative) is ".." or ['.', '.', '/', ..];

    private static string Anchored(string root, string text) => text.Length == 0 ? root : root + "/" + text;
}
