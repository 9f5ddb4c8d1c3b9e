namespace PyGuard.Execution.Tests.Support;

/// <summary>A directory of the test's own with chosen permissions, removed with everything in it.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory(string prefix, UnixFileMode mode)
    {
        Info = Directory.CreateTempSubdirectory(prefix);
        File.SetUnixFileMode(Path, mode);
    }

    /// <summary>0700: only the test's own user may enter.</summary>
    public const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>0755: anyone may enter and read.</summary>
    public const UnixFileMode Readable = Private | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>0777: anyone may create files in it.</summary>
    public const UnixFileMode Open = (UnixFileMode)0x1FF;

    public DirectoryInfo Info { get; }

    public string Path => Info.FullName;

    public void Dispose() => Info.Delete(recursive: true);
}
