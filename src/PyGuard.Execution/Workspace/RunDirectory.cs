using System.Security.Cryptography;
using PyGuard.Execution.Native;

namespace PyGuard.Execution.Workspace;

/// <summary>
/// The private directory of one run on the host: <c>work/</c> holds the script and input files (it is the
/// program's working directory, or, under bubblewrap, the read-only source the bootstrap copies into the
/// sandbox's own sized tmpfs), and <c>bootstrap.bin</c> is the compiled bootstrap. It is created with mkdir (never reusing an existing path in a
/// shared temporary directory), belongs to the sandbox user when PyGuard runs as root, and is removed
/// afterwards without following any link the program left in it.
/// </summary>
internal sealed class RunDirectory : IDisposable
{
    private RunDirectory(string root)
    {
        Root = root;
        Work = Path.Combine(root, "work");
        Bootstrap = Path.Combine(root, "bootstrap.bin");
    }

    public string Root { get; }

    public string Work { get; }

    /// <summary>The compiled bootstrap (readable by the sandbox user, writable by nobody but PyGuard).</summary>
    public string Bootstrap { get; }

    /// <summary>Creates the directory; <paramref name="owner"/> is the sandbox user when it differs from this process's.</summary>
    public static RunDirectory Create(string? parent, (uint Uid, uint Gid)? owner)
    {
        parent = Path.GetFullPath(parent ?? Path.GetTempPath());
        for (var attempt = 0; ; attempt++)
        {
            var root = Path.Combine(parent, "pyguard-run-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
            // Searchable by others (0711) only when the sandbox user must reach work/ inside it.
            var mode = owner is null ? 0b111_000_000u : 0b111_001_001u;
            if (LibC.mkdir(root, mode) == 0)
            {
                var directory = new RunDirectory(root);
                try
                {
                    // mkdir's mode passes through the umask; the sandbox user must be able to search this one.
                    LibC.chmod(root, mode);
                    directory.CreateOwned(directory.Work, owner);
                    return directory;
                }
                catch
                {
                    directory.Dispose();
                    throw;
                }
            }

            if (attempt >= 8)
            {
                throw new ExecutionSetupException($"cannot create a run directory in '{parent}' (errno {LibC.LastError})");
            }
        }
    }

    public void WriteBootstrap(byte[] code)
    {
        using (var stream = new FileStream(Bootstrap, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(code);
        }

        LibC.chmod(Bootstrap, 0b110_100_100u);
    }

    /// <summary>Writes the script and the input files into work/.</summary>
    public void Place(ExecutionRequest request, (uint Uid, uint Gid)? owner)
    {
        Write(request.ScriptName, request.Source.Span, owner);
        foreach (var file in request.Files)
        {
            Write(file.Path, file.Content.Span, owner);
        }
    }

    private void Write(string relativePath, ReadOnlySpan<byte> content, (uint Uid, uint Gid)? owner)
    {
        var segments = WorkspacePath.Segments(relativePath);
        var directory = Work;
        foreach (var segment in segments[..^1])
        {
            directory = Path.Combine(directory, segment);
            if (!Directory.Exists(directory))
            {
                CreateOwned(directory, owner);
            }
        }

        var path = Path.Combine(directory, segments[^1]);
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(content);
        }

        Chown(path, owner);
    }

    private void CreateOwned(string directory, (uint Uid, uint Gid)? owner)
    {
        if (LibC.mkdir(directory, 0b111_000_000u) != 0)
        {
            throw new ExecutionSetupException($"cannot create '{directory}' (errno {LibC.LastError})");
        }

        Chown(directory, owner);
    }

    private static void Chown(string path, (uint Uid, uint Gid)? owner)
    {
        if (owner is { } o && LibC.lchown(path, o.Uid, o.Gid) != 0)
        {
            throw new ExecutionSetupException($"cannot hand '{path}' to the sandbox user (errno {LibC.LastError})");
        }
    }

    public void Dispose()
    {
        // Directory.Delete removes links themselves, never what they point to.
        if (TryDelete())
        {
            return;
        }

        // The program may have taken the permissions off its own directories (it owns them when PyGuard is not
        // root): give them back and try once more. A run that still cannot be removed is left rather than
        // failed after the fact.
        RestorePermissions(Work, depth: 0);
        TryDelete();
    }

    private static void RestorePermissions(string directory, int depth)
    {
        LibC.chmod(directory, 0b111_000_000u);
        if (depth > 64)
        {
            return;
        }

        try
        {
            foreach (var child in new DirectoryInfo(directory).EnumerateDirectories())
            {
                if (child.LinkTarget is null)
                {
                    RestorePermissions(child.FullName, depth + 1);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private bool TryDelete()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
