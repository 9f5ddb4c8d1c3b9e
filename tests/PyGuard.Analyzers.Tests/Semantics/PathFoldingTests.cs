using PyGuard.Semantics.Values;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.Semantics;

/// <summary>Paths the interpreter folds however they are built: os.path, pathlib, home, temporary and site directories.</summary>
public sealed class PathFoldingTests
{
    /// <summary>The paths the probed expression may be, as <see cref="PathValue.Display"/> text (constants as themselves).</summary>
    private static List<string> Paths(string code)
    {
        var model = TestScanner.Model(code);
        var value = model.ValueOf(ExpressionFinder.Probe(model));
        return [.. value.Items.Select(item => item switch
        {
            PathValue p => (p.IsPathObject ? "Path:" : "str:") + p.Display,
            ConstValue { Constant: PyStr s } => "str:" + s.Value,
            PathListingValue l => $"{l.Kind}:{l.Patterns[0].Display}",
            _ => item.ToString()!,
        })];
    }

    [Theory]
    [InlineData("import os\nprobe(os.path.expanduser('~/.ssh/id_rsa'))", "str:~/.ssh/id_rsa")]
    [InlineData("import os\nprobe(os.path.join(os.path.expanduser('~'), '.aws', 'credentials'))", "str:~/.aws/credentials")]
    [InlineData("from os.path import expanduser, join\nprobe(join(expanduser('~'), '.kube/config'))", "str:~/.kube/config")]
    [InlineData("from pathlib import Path\nprobe(Path.home() / '.ssh' / 'id_ed25519')", "Path:~/.ssh/id_ed25519")]
    [InlineData("from pathlib import Path\nprobe(Path.home().joinpath('.docker', 'config.json'))", "Path:~/.docker/config.json")]
    [InlineData("from pathlib import Path\nprobe(Path('~/.netrc').expanduser())", "Path:~/.netrc")]
    [InlineData("import pathlib\nprobe(pathlib.Path('~').expanduser() / '.git-credentials')", "Path:~/.git-credentials")]
    [InlineData("import os\nhome = os.environ['HOME']\nprobe(home + '/.bashrc')", "str:~/.bashrc")]
    [InlineData("import os\nprobe(os.getenv('HOME') + '/.zshrc')", "str:~/.zshrc")]
    [InlineData("import os\nprobe(f\"{os.path.expanduser('~')}/.config/gcloud\")", "str:~/.config/gcloud")]
    [InlineData("import os\nprobe(os.path.expandvars('$HOME/.pgpass'))", "str:~/.pgpass")]
    [InlineData("from pathlib import Path\nprobe(str(Path.home() / '.profile'))", "str:~/.profile")]
    [InlineData("import os\nprobe(os.path.join('..', '..', '.config', 'pip', 'pip.conf'))", "str:../../.config/pip/pip.conf")]
    [InlineData("import os\nprobe(os.path.join(os.pardir, os.pardir, 'x'))", "str:../../x")]
    [InlineData("import os\nprobe(os.path.join('output', 'report.txt'))", "str:output/report.txt")]
    [InlineData("from pathlib import Path\nprobe(Path('output') / 'report.txt')", "Path:output/report.txt")]
    [InlineData("from pathlib import Path\nprobe((Path('output') / 'report.txt').parent)", "Path:output")]
    [InlineData("from pathlib import Path\nprobe(Path('a//b/./c'))", "Path:a/b/c")]
    [InlineData("import os\nprobe(os.path.join('/etc', 'profile.d', 'x.sh'))", "str:/etc/profile.d/x.sh")]
    [InlineData("import os\nprobe(os.path.join('a', '/etc/passwd'))", "str:/etc/passwd")]
    [InlineData("import os\nprobe(os.path.dirname('/var/log/x.log'))", "str:/var/log")]
    [InlineData("import os\nprobe(os.path.basename('/var/log/x.log'))", "str:x.log")]
    [InlineData("import os\nprobe(os.path.normpath('a/../../b'))", "str:../b")]
    [InlineData("import tempfile\nprobe(tempfile.mkdtemp())", "str:<temporary path it created>")]
    [InlineData("import tempfile\nfd, path = tempfile.mkstemp()\nprobe(path)", "str:<temporary path it created>")]
    [InlineData("import tempfile\nprobe(tempfile.gettempdir())", "str:<temporary directory>")]
    [InlineData("import tempfile\nwith tempfile.TemporaryDirectory() as tmp:\n    probe(tmp)", "str:<temporary path it created>")]
    [InlineData("import site\nprobe(site.getsitepackages()[0])", "str:<site-packages>")]
    [InlineData("import site\nfrom pathlib import Path\nprobe(Path(site.getusersitepackages()) / 'usercustomize.py')", "Path:<user site-packages>/usercustomize.py")]
    [InlineData("import sysconfig, os\nprobe(os.path.join(sysconfig.get_paths()['purelib'], 'x.pth'))", "str:<site-packages>/x.pth")]
    [InlineData("import site, os\nprobe(os.path.join(site.USER_SITE, 'x.pth'))", "str:<user site-packages>/x.pth")]
    [InlineData("import os\nprobe(os.path.abspath('data'))", "str:<working directory>/data")]
    [InlineData("import getpass\nprobe(f'/var/spool/cron/crontabs/{getpass.getuser()}')", "str:/var/spool/cron/crontabs/*")]
    [InlineData("import os\nprobe(os.path.join(os.path.expanduser('~/.ssh'), name))", "str:~/.ssh/*")]
    public void FoldsPaths(string code, string expected) => Paths(code).ShouldContain(expected);

    [Theory]
    [InlineData("import glob\nprobe(glob.glob('/home/*/.bash_history'))", "Paths:/home/*/.bash_history")]
    [InlineData("from pathlib import Path\nprobe(Path('../..').rglob('*'))", "Paths:../../**/*")]
    [InlineData("import os\nprobe(os.walk('/'))", "Walk:/")]
    public void FoldsListings(string code, string expected) => Paths(code).ShouldContain(expected);

    [Theory]
    [InlineData("import glob, os\nfor p in glob.glob('/root/*'):\n    probe(p)", "str:/root/*")]
    [InlineData("import glob\nfor p in glob.glob('/a/*') + glob.glob('/b/*'):\n    probe(p)", "str:/b/*")]
    [InlineData("from pathlib import Path\nfor p in Path('../..').rglob('*'):\n    probe(p)", "Path:../../**/*")]
    [InlineData("import os\nfor root, dirs, files in os.walk(os.path.expanduser('~')):\n    for name in files:\n        probe(os.path.join(root, name))", "str:~/**/*")]
    public void IteratingAListingYieldsItsPattern(string code, string expected) => Paths(code).ShouldContain(expected);

    [Theory]
    [InlineData("import stat\nprobe(stat.S_IRUSR | stat.S_IWUSR)", 0x180)]
    [InlineData("from stat import S_ISUID, S_IRWXU\nprobe(S_ISUID | S_IRWXU)", 0x9C0)]
    [InlineData("import os\nprobe(os.O_WRONLY | os.O_CREAT)", 0x41)]
    public void FoldsModuleConstants(string code, int expected)
    {
        var model = TestScanner.Model(code);
        model.ConstantOf(ExpressionFinder.Probe(model)).ShouldBe(new PyInt(expected));
    }

    [Theory]
    [InlineData("probe('Hello ' + name)")]
    [InlineData("probe('--post-file=' + __import__('os').path.expanduser('~/.ssh/id_rsa'))")]
    [InlineData("import os\nprobe(os.path.join(a, b))")]
    public void TextThatIsNotAPathStaysUnknown(string code)
    {
        var model = TestScanner.Model(code);
        var value = model.ValueOf(ExpressionFinder.Probe(model));
        value.Items.ShouldNotContain(v => v is PathValue);
    }

    [Fact]
    public void MethodsOfPathObjectsKeepTheirQualifiedNames()
    {
        var model = TestScanner.Model("from pathlib import Path\nprobe((Path.home() / '.bashrc').write_text)");
        model.QualifiedNamesOf(ExpressionFinder.Probe(model)).ShouldContain("pathlib.Path.write_text");
    }

    [Fact]
    public void ABranchOnTheHomeDirectoryIsNotDecided()
    {
        // The home directory is not a known string, so no comparison on it may prune a branch.
        var model = TestScanner.Model("import os\nx = 'a'\nif os.path.expanduser('~').startswith('/'):\n    x = 'b'\nprobe(x)");
        model.ValueOf(ExpressionFinder.Probe(model)).Strings.ShouldBe(["a", "b"], ignoreOrder: true);
    }
}
