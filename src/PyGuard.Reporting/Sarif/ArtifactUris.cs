namespace PyGuard.Reporting.Sarif;

/// <summary>An artifact's URI as SARIF writes it (percent-encoded), and the base it is relative to, if any.</summary>
internal readonly record struct ArtifactUri(string Uri, string? BaseId)
{
    public bool IsRelative => !System.Uri.IsWellFormedUriString(Uri, UriKind.Absolute);
}

/// <summary>
/// Turns the paths of scanned files into SARIF artifact locations. A file under the scan root (the
/// current directory when run from the command line, as in a CI checkout) gets a URI relative to it with
/// <c>uriBaseId</c> <c>%SRCROOT%</c>; a file elsewhere gets an absolute <c>file:</c> URI, which GitHub's
/// uploader turns relative when it lies in the checkout. Standard input is the relative URI
/// <c>%3Cstdin%3E</c> (<c>&lt;stdin&gt;</c> percent-encoded) without a base: it names no file on disk.
/// </summary>
internal sealed class ArtifactUris
{
    public const string SourceRootId = "%SRCROOT%";
    public const string StandardInputPath = "<stdin>";

    private readonly string _root;

    public ArtifactUris(string rootDirectory)
    {
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootDirectory));
        Root = FileUri(_root) + "/";
    }

    /// <summary>The value of <c>originalUriBaseIds[%SRCROOT%]</c>: the root as a <c>file:</c> URI ending in a slash.</summary>
    public string Root { get; }

    public ArtifactUri Locate(string path)
    {
        if (path == StandardInputPath)
        {
            return new ArtifactUri(Uri.EscapeDataString(path), null);
        }

        var full = ResolveLink(Path.GetFullPath(path, _root));
        var relative = Path.GetRelativePath(_root, full);
        var outside = Path.IsPathRooted(relative) || relative == ".." ||
            relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) ||
            relative.StartsWith(".." + Path.AltDirectorySeparatorChar, StringComparison.Ordinal);
        return outside ? new ArtifactUri(FileUri(full), null) : new ArtifactUri(EscapeSegments(relative), SourceRootId);
    }

    /// <summary>GitHub cannot show a result reported at a symbolic link, so a linked file is named by its target.</summary>
    private static string ResolveLink(string path)
    {
        try
        {
            return File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return path;
        }
    }

    private static string FileUri(string fullPath)
    {
        return "file:///" + EscapeSegments(fullPath.TrimStart(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
    }

    private static string EscapeSegments(string path) =>
        string.Join('/', path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]).Select(EscapeSegment));

    /// <summary>A Windows drive (<c>C:</c>) stays as it is; everything else outside RFC 3986's unreserved set is percent-encoded as UTF-8.</summary>
    private static string EscapeSegment(string segment) =>
        segment.Length == 2 && char.IsAsciiLetter(segment[0]) && segment[1] == ':' ? segment : Uri.EscapeDataString(segment);
}
