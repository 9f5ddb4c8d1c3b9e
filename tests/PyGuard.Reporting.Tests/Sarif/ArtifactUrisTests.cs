using PyGuard.Reporting.Sarif;

namespace PyGuard.Reporting.Tests.Sarif;

public sealed class ArtifactUrisTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pyguard-uris-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_file_under_the_root_is_relative_to_srcroot()
    {
        var location = new ArtifactUris(_root).Locate("src/app/main.py");
        location.Uri.ShouldBe("src/app/main.py");
        location.IsRelative.ShouldBeTrue();
        location.BaseId.ShouldBe("%SRCROOT%");
    }

    [Fact]
    public void An_absolute_path_under_the_root_is_made_relative()
    {
        var location = new ArtifactUris(_root).Locate(Path.Combine(_root, "pkg", "mod.py"));
        location.Uri.ShouldBe("pkg/mod.py");
        location.BaseId.ShouldBe("%SRCROOT%");
    }

    [Fact]
    public void Spaces_and_non_ascii_characters_are_percent_encoded_as_utf8()
    {
        new ArtifactUris(_root).Locate("my dir/café #1.py").Uri.ShouldBe("my%20dir/caf%C3%A9%20%231.py");
    }

    [Fact]
    public void A_file_outside_the_root_gets_an_absolute_file_uri_without_a_base()
    {
        var uris = new ArtifactUris(Path.Combine(_root, "repo"));
        var location = uris.Locate(Path.Combine(_root, "other dir", "x.py"));
        location.Uri.ShouldBe("file://" + _root.Replace(" ", "%20") + "/other%20dir/x.py");
        location.BaseId.ShouldBeNull();
        uris.Locate("../sibling.py").Uri.ShouldBe("file://" + _root + "/sibling.py");
    }

    [Fact]
    public void The_root_is_a_file_uri_ending_in_a_slash()
    {
        new ArtifactUris(_root + "/").Root.ShouldBe("file://" + _root + "/");
    }

    [Fact]
    public void Standard_input_is_a_relative_uri_with_no_base()
    {
        var location = new ArtifactUris(_root).Locate("<stdin>");
        location.Uri.ShouldBe("%3Cstdin%3E");
        location.BaseId.ShouldBeNull();
    }

    [Fact]
    public void A_symbolic_link_is_named_by_its_target()
    {
        Directory.CreateDirectory(Path.Combine(_root, "real"));
        File.WriteAllText(Path.Combine(_root, "real", "code.py"), "x = 1\n");
        File.CreateSymbolicLink(Path.Combine(_root, "link.py"), Path.Combine(_root, "real", "code.py"));
        new ArtifactUris(_root).Locate("link.py").Uri.ShouldBe("real/code.py");
    }
}
