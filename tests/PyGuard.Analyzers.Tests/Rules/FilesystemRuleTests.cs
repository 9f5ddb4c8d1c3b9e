using PyGuard.Engine.Model;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.Rules;

public sealed class FilesystemRuleTests
{
    [Theory]
    [InlineData("import shutil, os\nshutil.rmtree(os.path.expanduser('~'))")]
    [InlineData("import shutil\nshutil.rmtree('/var/lib/postgresql')")]
    [InlineData("import os\nos.remove('/etc/hosts')")]
    [InlineData("import os\nos.unlink(os.path.join('..', '..', 'notes.txt'))")]
    [InlineData("from pathlib import Path\n(Path.home() / 'Documents').rmdir()")]
    [InlineData("from pathlib import Path\nfor p in Path('..').rglob('*.py'):\n    p.unlink()")]
    [InlineData("import glob, os\nfor p in glob.glob(os.path.expanduser('~/*.txt')):\n    os.remove(p)")]
    [InlineData("import os\nfor root, _, files in os.walk('/home'):\n    for f in files:\n        os.remove(os.path.join(root, f))")]
    [InlineData("import shutil, os\nshutil.move(os.path.expanduser('~/Documents'), 'backup')")]
    [InlineData("import os\nos.rename('/var/log/app.log', 'app.log')")]
    [InlineData("import os\nos.remove(os.environ['HOME'] + '/.bash_history')")]
    [InlineData("from os import remove as rm\nrm('/etc/hosts')")]
    [InlineData("import os, shutil\ndef wipe(p):\n    shutil.rmtree(p)\nwipe(os.path.expanduser('~'))")]
    [InlineData("import os, shutil\nclass Cleaner:\n    def __init__(self):\n        self.root = os.path.expanduser('~')\n    def clean(self):\n        shutil.rmtree(self.root)")]
    [InlineData("from pathlib import Path\ndef wipe(p):\n    for f in p.rglob('*'):\n        f.unlink()\nwipe(Path.home() / 'Documents')")]
    [InlineData("import os, shutil\nparent = os.path.join(os.getcwd(), os.pardir)\nfor n in os.listdir(parent):\n    shutil.rmtree(os.path.join(parent, n))")]
    public void DeletingOutsideTheWorkingDirectoryIsBlocked(string code)
    {
        var result = TestScanner.Scan(code);
        result.Findings.ShouldContain(f => f.RuleId == "PG701" && f.Severity == Severity.Error);
        result.Verdict.ShouldBe(Verdict.Block);
    }

    [Theory]
    [InlineData("import os\nos.makedirs('output', exist_ok=True)\nif os.path.exists('output/old.txt'):\n    os.remove('output/old.txt')")]
    [InlineData("import glob, os\nfor p in glob.glob(os.path.join('build', '*.tmp')):\n    os.remove(p)")]
    [InlineData("import os, tempfile\nfd, path = tempfile.mkstemp()\nos.close(fd)\nos.remove(path)")]
    [InlineData("import shutil, tempfile\nd = tempfile.mkdtemp()\nshutil.rmtree(d)")]
    [InlineData("import shutil, tempfile\nfrom pathlib import Path\nd = Path(tempfile.mkdtemp())\nshutil.rmtree(d / 'sub')")]
    [InlineData("import os\nos.remove('/tmp/pyguard-test.json')")]
    [InlineData("import shutil\nshutil.move('output/a.txt', 'output/b.txt')")]
    [InlineData("from pathlib import Path\nPath('out.csv').unlink(missing_ok=True)")]
    [InlineData("import os, tempfile\ndef cleanup(p):\n    os.remove(p)\nfd, path = tempfile.mkstemp()\nos.close(fd)\ncleanup(path)\ncleanup('output/old.txt')")]
    [InlineData("import tempfile\nfrom pathlib import Path\nwith tempfile.NamedTemporaryFile(delete=False) as t:\n    name = t.name\nPath(name).unlink()")]
    public void DeletingInsideTheWorkingDirectoryOrOwnTemporaryFilesIsAllowed(string code) =>
        TestScanner.RuleIds(code).ShouldNotContain("PG701");

    [Fact]
    public void DeletingTheSharedTemporaryDirectoryIsReviewed() =>
        TestScanner.Findings("import shutil, tempfile\nshutil.rmtree(tempfile.gettempdir())").ShouldContain(f => f.RuleId == "PG701" && f.Severity == Severity.Warning);

    [Theory]
    [InlineData("import os\nopen(os.path.expanduser('~/.bashrc'), 'a').write('x')", "shell start-up")]
    [InlineData("from pathlib import Path\n(Path.home() / '.zshrc').write_text('x')", "shell start-up")]
    [InlineData("from pathlib import Path\nwith (Path.home() / '.ssh' / 'authorized_keys').open('a') as f:\n    f.write('k')", "SSH")]
    [InlineData("open('/var/spool/cron/crontabs/root', 'a').write('@reboot x')", "crontab")]
    [InlineData("open('/etc/cron.d/job', 'w').write('x')", "cron")]
    [InlineData("from pathlib import Path\n(Path.home() / '.config/systemd/user/x.service').write_text('x')", "systemd")]
    [InlineData("import os\nopen(os.path.expanduser('~/.config/autostart/x.desktop'), 'w')", "autostart")]
    [InlineData("import site\nfrom pathlib import Path\n(Path(site.getsitepackages()[0]) / 'x.py').write_text('x')", "Python installation")]
    [InlineData("import site, os\nopen(os.path.join(site.getusersitepackages(), 'usercustomize.py'), 'w')", "start-up hook")]
    [InlineData("open('sitecustomize.py', 'w').write('import os')", "start-up hook")]
    [InlineData("import sysconfig, os\nopen(os.path.join(sysconfig.get_paths()['purelib'], 'x.pth'), 'w')", ".pth")]
    [InlineData("import os\nopen(os.path.join('.git', 'hooks', 'pre-commit'), 'w')", "git hook")]
    [InlineData("open('.git/config', 'a').write('[core]\\nfsmonitor = x')", "git configuration")]
    [InlineData("from pathlib import Path\n(Path.home() / '.local' / 'bin' / 'sudo').write_text('x')", "PATH")]
    [InlineData("import os\nopen(os.path.expanduser('~/.config/pip/pip.conf'), 'w')", "pip")]
    [InlineData("import os\nopen(os.path.expanduser('~/.gitconfig'), 'a')", "git configuration")]
    [InlineData("open('/etc/hosts', 'a').write('1.2.3.4 github.com')", "system configuration")]
    [InlineData("import shutil, os\nshutil.copy('x.sh', os.path.expanduser('~/.profile'))", "shell start-up")]
    [InlineData("import os\nos.symlink('/tmp/x', os.path.expanduser('~/.config/autostart/x.desktop'))", "autostart")]
    [InlineData("from pathlib import Path\ndef save(where, text):\n    Path(where).write_text(text)\nsave(Path.home() / '.bashrc', 'x')", "shell start-up")]
    [InlineData("import os\nwith open(os.path.join(os.environ['HOME'], '.profile'), 'a') as f:\n    f.write('x')", "shell start-up")]
    public void WritesToPersistenceLocationsAreBlocked(string code, string what)
    {
        var result = TestScanner.Scan(code);
        result.Findings.ShouldContain(f => f.RuleId == "PG702" && f.Message.Contains(what));
        result.Verdict.ShouldBe(Verdict.Block);
    }

    [Theory]
    [InlineData("import os\nos.chmod('run.sh', 0o777)", "writable by others")]
    [InlineData("import os, stat\nos.chmod('x', stat.S_IRWXU | stat.S_IWOTH)", "writable by others")]
    [InlineData("import os, stat\nos.chmod('/tmp/.sh', stat.S_ISUID | stat.S_IRWXU)", "setuid")]
    [InlineData("import os, stat\nos.chmod('x', os.stat('x').st_mode | stat.S_ISGID)", "setuid")]
    [InlineData("import os\nos.chmod(os.path.expanduser('~/.ssh/id_rsa'), 0o644)", "readable by others")]
    [InlineData("from pathlib import Path\nPath('shared').chmod(0o666)", "writable by others")]
    public void WideningPermissionsIsBlocked(string code, string what)
    {
        var result = TestScanner.Scan(code);
        result.Findings.ShouldContain(f => f.RuleId == "PG703" && f.Message.Contains(what));
        result.Verdict.ShouldBe(Verdict.Block);
    }

    [Theory]
    [InlineData("import os, stat\nos.chmod('token_cache.json', stat.S_IRUSR | stat.S_IWUSR)")]
    [InlineData("import os\nos.chmod('run.sh', 0o755)")]
    [InlineData("import os\nos.chmod('report.txt', 0o644)")]
    [InlineData("import os, stat\nos.chmod('run.sh', os.stat('run.sh').st_mode | stat.S_IXUSR)")]
    [InlineData("import os\nos.chown('x', -1, -1)")]
    public void RestrictingOrOrdinaryPermissionsAreAllowed(string code) => TestScanner.RuleIds(code).ShouldNotContain("PG703");

    [Fact]
    public void ChangingOwnersIsReported()
    {
        TestScanner.Findings("import os\nos.chown('data.csv', 1001, 1001)").ShouldContain(f => f.RuleId == "PG703" && f.Severity == Severity.Warning);
        TestScanner.Findings("import shutil\nshutil.chown('/srv/www', 'nobody')").ShouldContain(f => f.RuleId == "PG703" && f.Severity == Severity.Error);
    }

    [Theory]
    [InlineData("import os\nos.symlink('/etc/shadow', 'output/report.txt')")]
    [InlineData("from pathlib import Path\nPath('data').symlink_to(Path.home(), target_is_directory=True)")]
    [InlineData("import os\nos.symlink('../../.ssh', 'keys')")]
    [InlineData("import os\nos.link('/etc/passwd', 'p')")]
    public void SymlinksOutOfTheWorkingDirectoryAreBlocked(string code) => TestScanner.RuleIds(code).ShouldContain("PG704");

    [Theory]
    [InlineData("import os\nos.symlink('data/v2', 'data/latest')")]
    [InlineData("import os, tempfile\nd = tempfile.mkdtemp()\nos.symlink(d, 'scratch')")]
    public void SymlinksInsideAreAllowed(string code) => TestScanner.RuleIds(code).ShouldNotContain("PG704");

    [Theory]
    [InlineData("open('/dev/sda', 'wb').write(b'\\0' * 512)")]
    [InlineData("open('/proc/sys/kernel/core_pattern', 'w').write('|/tmp/x')")]
    [InlineData("from pathlib import Path\nPath('/sys/class/leds/x/brightness').write_text('1')")]
    [InlineData("import os\nos.open('/dev/mem', os.O_RDWR)")]
    public void WritesToDevicesAreBlocked(string code) => TestScanner.RuleIds(code).ShouldContain("PG705");

    [Theory]
    [InlineData("open('/dev/null', 'w').write('x')")]
    [InlineData("import os\nopen(os.devnull, 'w')")]
    [InlineData("open('/dev/stderr', 'w').write('x')")]
    [InlineData("open('/proc/cpuinfo').read()")]
    public void HarmlessDeviceUseIsAllowed(string code) => TestScanner.RuleIds(code).ShouldNotContain("PG705");

    [Theory]
    [InlineData("import os\nopen(os.path.join('..', '..', '.config', 'pip', 'pip.conf'), 'w')")]
    [InlineData("open('/home/alice/notes.txt', 'w').write('x')")]
    [InlineData("from pathlib import Path\n(Path.home() / 'Desktop' / 'report.txt').write_text('x')")]
    [InlineData("import shutil\nshutil.copy('report.txt', '/srv/www/report.txt')")]
    [InlineData("open('../results.csv', 'a')")]
    [InlineData("import glob\nfor log in glob.glob('/var/log/**/*.log', recursive=True):\n    open(log, 'w').close()")]
    public void WritesOutsideTheWorkingDirectoryAreBlocked(string code)
    {
        var result = TestScanner.Scan(code);
        result.Findings.ShouldContain(f => f.RuleId == "PG706");
        result.Verdict.ShouldBe(Verdict.Block);
    }

    [Theory]
    [InlineData("from pathlib import Path\nout = Path('output') / 'report.txt'\nout.parent.mkdir(parents=True, exist_ok=True)\nout.write_text('x')")]
    [InlineData("import os\nos.makedirs('output', exist_ok=True)")]
    [InlineData("open('/tmp/cache.json', 'w').write('{}')")]
    [InlineData("import tempfile, os\nd = tempfile.mkdtemp()\nopen(os.path.join(d, 'x'), 'w')")]
    [InlineData("import tempfile\nwith tempfile.TemporaryDirectory() as tmp:\n    open(tmp + '/x', 'w')")]
    [InlineData("open(output_path, 'w')")]
    [InlineData("import shutil\nshutil.copy2('inputs/raw.csv', 'output/raw_copy.csv')")]
    [InlineData("open('/etc/hostname').read()")]
    [InlineData("from pathlib import Path\ndef save(where, text):\n    target = Path('output') / where\n    target.parent.mkdir(parents=True, exist_ok=True)\n    target.write_text(text)\nsave('report.txt', 'x')")]
    public void WritesInsideTheWorkingDirectoryAreAllowed(string code)
    {
        var result = TestScanner.Scan(code);
        result.Findings.Where(f => f.Category == RuleCategory.Filesystem).ShouldBeEmpty();
        result.Verdict.ShouldBe(Verdict.Allow);
    }
}
