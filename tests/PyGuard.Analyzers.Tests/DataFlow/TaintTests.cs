using PyGuard.Analyzers.Tests.Semantics;
using PyGuard.Semantics.DataFlow;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.DataFlow;

/// <summary>Sources, propagation steps and function summaries of the taint analysis, asked at <c>probe(...)</c>.</summary>
public sealed class TaintTests
{
    private static TaintSet TaintAtProbe(string code)
    {
        var model = TestScanner.Model(code);
        return model.DataFlow.TaintOf(ExpressionFinder.Probe(model));
    }

    private static List<SourceKind> Kinds(string code) => [.. TaintAtProbe(code).Sources.Select(t => t.Source!.Kind).Distinct()];

    [Theory]
    [InlineData("import os\nprobe(os.environ)")]
    [InlineData("import os\nprobe(dict(os.environ))")]
    [InlineData("import os\nprobe(os.environ.copy())")]
    [InlineData("import os\nprobe(os.environ['OPENAI_API_KEY'])")]
    [InlineData("import os\nprobe(os.environ.get('GITHUB_TOKEN'))")]
    [InlineData("import os\nprobe(os.getenv('AWS_SECRET_ACCESS_KEY', ''))")]
    [InlineData("import os\nprobe(list(os.environ.items()))")]
    [InlineData("from os import environ\nprobe(environ)")]
    [InlineData("from os import getenv as g\nprobe(g('DB_PASSWORD'))")]
    [InlineData("import os\nprobe({**os.environ})")]
    [InlineData("import os\nprobe(getattr(os, 'environ'))")]
    [InlineData("import os\nprobe(os.environ[name])")]
    [InlineData("import dotenv\nprobe(dotenv.dotenv_values())")]
    [InlineData("import dotenv\nprobe(dotenv.get_key('.env', 'SECRET'))")]
    [InlineData("import os\nprobe(os.environb[b'API_KEY'])")]
    [InlineData("import os\nprobe(os.environ.pop('SESSION_TOKEN'))")]
    [InlineData("import os\nfor name in os.environ:\n    probe(name)")]
    [InlineData("import os as o\nenv = o.environ\nprobe(env.setdefault('K', ''))")]
    public void EnvironmentIsASource(string code) => Kinds(code).ShouldContain(SourceKind.Environment);

    [Theory]
    [InlineData("import os\nprobe(os.environ.get('LOG_LEVEL', 'INFO'))")]
    [InlineData("import os\nprobe(os.getenv('LANG'))")]
    [InlineData("import os\nprobe(os.environ['TZ'])")]
    public void SettingsFromTheEnvironmentAreNotSecrets(string code) => TaintAtProbe(code).IsEmpty.ShouldBeTrue();

    [Theory]
    [InlineData("import os\nprobe(open(os.path.expanduser('~/.ssh/id_rsa')).read())")]
    [InlineData("import os\nwith open(os.path.expanduser('~/.aws/credentials')) as f:\n    probe(f.read())")]
    [InlineData("from pathlib import Path\nprobe((Path.home() / '.kube' / 'config').read_text())")]
    [InlineData("from pathlib import Path\nprobe(Path('~/.netrc').expanduser().read_bytes())")]
    [InlineData("import os\nprobe(open(os.path.join(os.path.expanduser('~'), '.git-credentials'), 'rb').read())")]
    [InlineData("import os\nhome = os.environ['HOME']\nprobe(open(home + '/.docker/config.json').read())")]
    [InlineData("probe(open('/etc/shadow').read())")]
    [InlineData("probe(open('.env').read())")]
    [InlineData("import sqlite3, os\nprobe(sqlite3.connect(os.path.expanduser('~/.config/google-chrome/Default/Cookies')))")]
    [InlineData("import netrc\nprobe(netrc.netrc())")]
    [InlineData("probe(open('/proc/self/environ', 'rb').read())")]
    [InlineData("import os\nprobe(open(os.path.expanduser('~/.config/google-chrome/Default/Login Data'), 'rb').read())")]
    [InlineData("import glob\nfor p in glob.glob('/home/*/.bash_history'):\n    probe(open(p).read())")]
    [InlineData("import os\nkey = 'id_' + 'rsa'\nprobe(open(os.path.join(os.path.expanduser('~'), '.ssh', key)).read())")]
    [InlineData("from pathlib import Path\nprobe(Path.home().joinpath('.aws', 'credentials').read_text())")]
    [InlineData("from pathlib import Path\nwith (Path.home() / '.config' / 'gcloud' / 'credentials.db').open('rb') as f:\n    probe(f.read())")]
    public void CredentialFilesAreSources(string code) => Kinds(code).ShouldContain(SourceKind.CredentialFile);

    [Theory]
    [InlineData("probe(open('output/report.txt').read())")]
    [InlineData("import os\nprobe(open(os.path.expanduser('~/.ssh/authorized_keys'), 'w'))")]
    [InlineData("from pathlib import Path\nprobe((Path('data') / 'input.csv').read_text())")]
    public void OrdinaryFilesAreNotCredentials(string code) => Kinds(code).ShouldNotContain(SourceKind.CredentialFile);

    [Theory]
    [InlineData("import getpass\nprobe(getpass.getuser())")]
    [InlineData("import socket\nprobe(socket.gethostname())")]
    [InlineData("import platform\nprobe(platform.node())")]
    [InlineData("import uuid\nprobe(uuid.getnode())")]
    [InlineData("import os\nprobe(os.uname().nodename)")]
    [InlineData("import os\nprobe(os.environ['USER'])")]
    [InlineData("import os\nprobe(os.getlogin())")]
    [InlineData("import socket\nprobe(socket.getfqdn())")]
    [InlineData("import platform\nprobe(platform.uname())")]
    [InlineData("import pwd, os\nprobe(pwd.getpwuid(os.getuid()))")]
    [InlineData("from getpass import getuser as who\nprobe(who())")]
    public void HostIdentityIsASource(string code) => Kinds(code).ShouldContain(SourceKind.HostIdentity);

    [Theory]
    [InlineData("import pyperclip\nprobe(pyperclip.paste())", SourceKind.Clipboard)]
    [InlineData("import tkinter\nprobe(tkinter.Tk().clipboard_get())", SourceKind.Clipboard)]
    [InlineData("import subprocess\nprobe(subprocess.check_output(['env']))", SourceKind.ProcessOutput)]
    [InlineData("import subprocess\nprobe(subprocess.run(['git', 'config', '--list'], capture_output=True).stdout)", SourceKind.ProcessOutput)]
    [InlineData("import os\nprobe(os.popen('env').read())", SourceKind.ProcessOutput)]
    [InlineData("import subprocess\nprobe(subprocess.getoutput('id'))", SourceKind.ProcessOutput)]
    [InlineData("import subprocess\nout, err = subprocess.Popen(['env'], stdout=subprocess.PIPE).communicate()\nprobe(out)", SourceKind.ProcessOutput)]
    [InlineData("import pandas\nprobe(pandas.read_clipboard())", SourceKind.Clipboard)]
    [InlineData("from pathlib import Path\nprobe(Path.home() / '.ssh' / 'id_rsa')", SourceKind.CredentialPath)]
    [InlineData("import keyring\nprobe(keyring.get_password('svc', 'me'))", SourceKind.SecretStore)]
    [InlineData("import os\nprobe(os.path.expanduser('~/.ssh/id_ed25519'))", SourceKind.CredentialPath)]
    public void OtherSources(string code, SourceKind kind) => Kinds(code).ShouldContain(kind);

    [Theory]
    [InlineData("x = s\nprobe(x)")]
    [InlineData("x = 'a'\nx += s\nprobe(x)")]
    [InlineData("a, b = s, 1\nprobe(a)")]
    [InlineData("(a, *rest) = s\nprobe(rest)")]
    [InlineData("probe(f'key={s}')")]
    [InlineData("probe('k=%s' % s)")]
    [InlineData("probe('k={}'.format(s))")]
    [InlineData("probe(','.join([s, 'x']))")]
    [InlineData("probe(s.encode().hex())")]
    [InlineData("import base64\nprobe(base64.b64encode(s.encode()).decode())")]
    [InlineData("import json\nprobe(json.dumps({'k': s}))")]
    [InlineData("import urllib.parse\nprobe(urllib.parse.urlencode({'q': s}))")]
    [InlineData("probe([s][0])")]
    [InlineData("probe((s,))")]
    [InlineData("d = {}\nd['k'] = s\nprobe(d)")]
    [InlineData("items = []\nitems.append(s)\nprobe(items)")]
    [InlineData("probe([c for c in s])")]
    [InlineData("probe({k: v for k, v in [(1, s)]})")]
    [InlineData("probe(s[10:20])")]
    [InlineData("probe(s.upper().strip())")]
    [InlineData("if (t := s):\n    probe(t)")]
    [InlineData("for part in s.split(','):\n    probe(part)")]
    [InlineData("probe(s if flag else 'x')")]
    [InlineData("class Box:\n    pass\nb = Box()\nb.value = s\nprobe(b.value)")]
    [InlineData("x: str = s\nprobe(x)")]
    [InlineData("probe({s: 1})")]
    [InlineData("probe({**{'k': s}})")]
    [InlineData("probe([*s])")]
    [InlineData("async def f():\n    probe(await g(s))")]
    [InlineData("items = []\nitems.extend([s])\nprobe(items)")]
    [InlineData("d = {}\nd.update(k=s)\nprobe(d)")]
    [InlineData("class Box:\n    pass\nb = Box()\nsetattr(b, 'v', s)\nprobe(b)")]
    [InlineData("import hashlib\nprobe(hashlib.sha256(s.encode()).hexdigest())")]
    [InlineData("import zlib\nprobe(zlib.compress(s.encode()))")]
    [InlineData("import io\nbuf = io.StringIO()\nbuf.write(s)\nprobe(buf.getvalue())")]
    [InlineData("probe(bytes(s, 'utf-8'))")]
    [InlineData("probe(str(s).replace('a', 'b'))")]
    [InlineData("probe(s.split('-')[0])")]
    [InlineData("probe(' '.join(reversed(s)))")]
    [InlineData("probe((lambda v: v)(s))")]
    [InlineData("match s:\n    case str() as found:\n        probe(found)")]
    [InlineData("with open('x') as f, wrap(s) as held:\n    probe(held)")]
    public void PropagatesThrough(string code) =>
        Kinds("import os\ns = os.environ['API_TOKEN']\n" + code).ShouldContain(SourceKind.Environment);

    [Theory]
    [InlineData("probe(len(s))")]
    [InlineData("probe(s == 'x')")]
    [InlineData("probe(s.startswith('sk-'))")]
    [InlineData("probe(isinstance(s, str))")]
    [InlineData("import os.path\nprobe(os.path.exists(s))")]
    [InlineData("probe(bool(s))")]
    [InlineData("probe(s.isdigit())")]
    [InlineData("probe(type(s))")]
    public void DoesNotPropagateThroughTests(string code) =>
        TaintAtProbe("import os\ns = os.environ['API_TOKEN']\n" + code).IsEmpty.ShouldBeTrue();

    [Fact]
    public void FollowsReturnValuesOfLocalFunctions()
    {
        var taint = TaintAtProbe("import os\ndef secret():\n    return os.environ['KEY']\nprobe(secret())");
        taint.Sources.ShouldHaveSingleItem().Steps.Select(s => s.Description).ShouldContain("returned by secret()");
    }

    [Fact]
    public void FollowsParametersToASinkInsideAFunction()
    {
        var code = "import os\ndef ship(blob):\n    probe(blob.encode())\nship(os.environ['KEY'])";
        var taint = TaintAtProbe(code).Sources.ShouldHaveSingleItem();
        taint.Source!.Kind.ShouldBe(SourceKind.Environment);
        taint.Steps.Select(s => s.Description).ShouldContain("passed to parameter blob of ship()");
    }

    [Fact]
    public void AHelperUsedForSecretsAndConstantsKeepsThemApart()
    {
        var code = "import os\ndef clean(v):\n    return v.strip()\nsecret = clean(os.environ['KEY'])\nprobe(clean('public'))";
        TaintAtProbe(code).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void FollowsClassAttributesAndSelf()
    {
        var code = "import os\nclass Reporter:\n    context = os.environ.copy()\n    def send(self):\n        probe(self.context)\nReporter().send()";
        Kinds(code).ShouldContain(SourceKind.Environment);
    }

    [Fact]
    public void FollowsAttributesSetInInit()
    {
        var code = "import os\nclass Client:\n    def __init__(self, token):\n        self.token = token\n    def call(self):\n        probe(self.token)\nClient(os.getenv('API_KEY')).call()";
        Kinds(code).ShouldContain(SourceKind.Environment);
    }

    [Fact]
    public void FollowsMethodCallsOnSelf()
    {
        var code = "import os\nclass A:\n    def read(self):\n        return os.environ['K']\n    def run(self):\n        probe(self.read())";
        Kinds(code).ShouldContain(SourceKind.Environment);
    }

    [Fact]
    public void FollowsInheritedClassAttributes()
    {
        var code = "import os\nclass Base:\n    secret = os.environ['K']\nclass Child(Base):\n    def send(self):\n        probe(self.secret)\nChild().send()";
        Kinds(code).ShouldContain(SourceKind.Environment);
    }

    [Fact]
    public void FollowsClosuresAndNonlocal()
    {
        var code = "import os\ndef outer():\n    held = ''\n    def load():\n        nonlocal held\n        held = os.environ['K']\n    load()\n    probe(held)";
        Kinds(code).ShouldContain(SourceKind.Environment);
    }

    [Fact]
    public void FollowsKeywordAndVariadicParameters()
    {
        Kinds("import os\ndef f(*, token):\n    probe(token)\nf(token=os.environ['K'])").ShouldContain(SourceKind.Environment);
        Kinds("import os\ndef f(**options):\n    probe(options)\nf(k=os.environ['K'])").ShouldContain(SourceKind.Environment);
        Kinds("import os\ndef f(*values):\n    probe(values)\nf(1, os.environ['K'])").ShouldContain(SourceKind.Environment);
        Kinds("import os\ndef f(v=os.environ['K']):\n    probe(v)\nf()").ShouldContain(SourceKind.Environment);
    }

    [Fact]
    public void FollowsGeneratorsAndWhatTheyYield()
    {
        var code = "import os\ndef values():\n    for name in ('A', 'B'):\n        yield os.environ[name]\nfor v in values():\n    probe(v)";
        Kinds(code).ShouldContain(SourceKind.Environment);
    }

    [Fact]
    public void FollowsGlobalsWrittenByFunctions()
    {
        var code = "import os\nTOKEN = None\ndef load():\n    global TOKEN\n    TOKEN = os.environ['K']\nload()\nprobe(TOKEN)";
        Kinds(code).ShouldContain(SourceKind.Environment);
    }

    [Fact]
    public void FollowsFunctionsDefinedAfterTheirUse()
    {
        var code = "import os\ndef a():\n    return b()\ndef b():\n    return c()\ndef c():\n    return os.environ['K']\nprobe(a())";
        Kinds(code).ShouldContain(SourceKind.Environment);
    }

    [Fact]
    public void StepsGoFromSourceToTheExpression()
    {
        var taint = TaintAtProbe("import os\nkey = os.environ['K']\nbody = {'k': key}\nprobe(body)").Sources.ShouldHaveSingleItem();
        taint.Steps.Select(s => s.Description).ShouldBe(["source: the environment variable K", "assigned to key", "assigned to body"]);
    }

    [Fact]
    public void RecursionEndsAndKeepsTheSource()
    {
        var code = "import os\ndef f(n):\n    if n:\n        return f(n - 1)\n    return os.environ['K']\nprobe(f(3))";
        Kinds(code).ShouldContain(SourceKind.Environment);
    }

    [Fact]
    public void ALongChainOfFunctionsDefinedBackwardsIsFollowedToTheEnd()
    {
        var code = new System.Text.StringBuilder("import os\n");
        for (var i = 0; i < 300; i++)
        {
            code.Append($"def f{i}():\n    return f{i + 1}()\n");
        }

        code.Append("def f300():\n    return os.environ['K']\nprobe(f0())\n");
        Kinds(code.ToString()).ShouldContain(SourceKind.Environment);
    }

    [Fact]
    public void ArgumentsUnpackedIntoEveryParameterStayLinear()
    {
        var nested = "os.environ['K']";
        for (var i = 0; i < 40; i++)
        {
            nested = $"f(*[{nested}])";
        }

        var code = $"import os\ndef f(a, b, c, d, *rest):\n    return (a, b, c, d, rest)\nprobe({nested})";
        var model = TestScanner.Model(code);
        model.DataFlow.TaintOf(ExpressionFinder.Probe(model)).Sources.ShouldNotBeEmpty();
        model.IncompleteReason.ShouldBeNull();
    }

    [Fact]
    public void ALongAssignmentChainIsFollowed()
    {
        var code = new System.Text.StringBuilder("import os\nv0 = os.environ['K']\n");
        for (var i = 1; i < 3000; i++)
        {
            code.Append($"v{i} = v{i - 1} + '.'\n");
        }

        code.Append("probe(v2999)\n");
        var taint = TaintAtProbe(code.ToString()).Sources.ShouldHaveSingleItem();
        taint.Steps.Length.ShouldBe(Taint.MaxSteps);
    }

    [Theory]
    [InlineData("import requests\ndef send(data):\n    requests.post('https://x.example', data=data)\nsend({'a': 1})\nprobe(1)")]
    [InlineData("import subprocess\nsubprocess.call(['ls', '/tmp'])\nprobe('config.ini')")]
    public void AFileWithoutSourcesBuildsNoFlowGraph(string code)
    {
        var model = TestScanner.Model(code);
        model.MayHoldSensitiveData.ShouldBeFalse();
        model.DataFlow.TaintOf(ExpressionFinder.Probe(model)).IsEmpty.ShouldBeTrue();
        model.DataFlow.HasFlowGraph.ShouldBeFalse();
    }

    [Theory]
    [InlineData("from os import environ as e\nx = e\nprobe(x)")]
    [InlineData("import importlib\nm = importlib.import_module('o' + 's')\nprobe(getattr(m, 'get' + 'env')('TOKEN'))")]
    [InlineData("import os\nprobe(os.path.expanduser('~/.ssh/id_rsa'))")]
    public void AFileWithASourceThroughAnAliasIsSolved(string code)
    {
        var model = TestScanner.Model(code);
        model.MayHoldSensitiveData.ShouldBeTrue();
        model.DataFlow.TaintOf(ExpressionFinder.Probe(model)).Sources.ShouldNotBeEmpty();
        model.DataFlow.HasFlowGraph.ShouldBeTrue();
    }
}
