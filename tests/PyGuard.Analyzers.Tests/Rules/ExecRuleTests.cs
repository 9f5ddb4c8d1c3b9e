using PyGuard.Engine.Model;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.Rules;

public sealed class ExecRuleTests
{
    [Theory]
    [InlineData("exec(input())")]
    [InlineData("eval(open('x').read())")]
    [InlineData("e = eval\ne(input())")]
    [InlineData("import builtins\ngetattr(builtins, 'ex' + 'ec')(input())")]
    [InlineData("__builtins__['eval'](input())")]
    [InlineData("globals()['__builtins__']['exec'](input())")]
    [InlineData("import builtins\nvars(builtins)['eval'](input())")]
    [InlineData("fns = {'run': exec}\nfns['run'](input())")]
    [InlineData("code = compile(input(), 'x', 'exec')")]
    public void DynamicExecutionIsBlocked(string code)
    {
        var result = TestScanner.Scan(code);
        result.Findings.ShouldContain(f => f.RuleId == "PG201" && f.Severity == Severity.Error);
        result.Verdict.ShouldBe(Verdict.Block);
    }

    [Fact]
    public void ConstantPayloadIsScannedAndItsFindingsReported()
    {
        var findings = TestScanner.Findings("exec('import os; os.system(\"id\")')");
        findings.ShouldContain(f => f.RuleId == "PG201" && f.Severity == Severity.Warning);
        findings.ShouldContain(f => f.RuleId == "PG204" && f.Message.Contains("code passed to exec"));
    }

    [Fact]
    public void CodeBuiltByShortRepetitionIsScanned()
    {
        TestScanner.Findings("print(eval('[' + '2,' * 100 + ']'))")
            .ShouldContain(f => f.RuleId == "PG201" && f.Severity == Severity.Warning && f.Message.Contains("the code was scanned"));
        TestScanner.Findings("exec('x = 1\\n' * 100 + 'import os; os.system(\"id\")')")
            .ShouldContain(f => f.RuleId == "PG204" && f.Message.Contains("code passed to exec"));
    }

    [Fact]
    public void CodeBuiltByRepetitionBeyondTheFoldingBoundIsTreatedAsRunTimeCode()
    {
        // Repeated text past ValueLimits.MaxRepeatedLength keeps only its size, so the code cannot be
        // scanned: it gets the stricter finding, never a pass.
        var result = TestScanner.Scan("exec('x = 1\\n' * 5000 + 'import os; os.system(\"id\")')");
        result.Findings.ShouldContain(f => f.RuleId == "PG201" && f.Severity == Severity.Error && f.Message.Contains("computed at run time"));
        result.Verdict.ShouldBe(Verdict.Block);
    }

    [Fact]
    public void HarmlessConstantPayloadIsOnlyReviewed()
    {
        TestScanner.Scan("print(eval('1 + 2'))").Verdict.ShouldBe(Verdict.Review);
    }

    [Theory]
    [InlineData("import pandas as pd\ndf = pd.DataFrame({'a': [1]})\ndf.eval('b = a * 2')")]
    [InlineData("import re\npattern = re.compile(r'\\d+')")]
    [InlineData("import ast\nvalue = ast.literal_eval('[1, 2]')")]
    public void LookAlikesAreNotExecution(string code) => TestScanner.RuleIds(code).ShouldNotContain("PG201");

    [Theory]
    [InlineData("results = list(map(eval, lines))")]
    [InlineData("handlers = [print, exec]")]
    [InlineData("def make():\n    return eval")]
    [InlineData("def run(code, runner=exec):\n    pass")]
    [InlineData("def run(*, runner=eval):\n    pass")]
    [InlineData("schedule(callback=exec)")]
    [InlineData("pair = (len, compile)")]
    [InlineData("chosen = {eval}")]
    [InlineData("table = {'run': exec}")]
    [InlineData("table = {eval: 1}")]
    [InlineData("run(*[eval])")]
    [InlineData("later = lambda: eval")]
    [InlineData("def gen():\n    yield exec")]
    [InlineData("import builtins\nrun(builtins.exec)")]
    [InlineData("run(__builtins__['eval'])")]
    [InlineData("import builtins\nrun(getattr(builtins, 'ev' + 'al'))")]
    public void ExecutorPassedAsValueIsReported(string code) => TestScanner.RuleIds(code).ShouldContain("PG202");

    [Theory]
    [InlineData("result = eval(expression)")]
    [InlineData("runner = eval")]
    [InlineData("name = eval.__name__")]
    [InlineData("import builtins\nbuiltins.exec('x = 1')")]
    [InlineData("run(evaluate, execute)")]
    [InlineData("for eval in range(3):\n    pass")]
    public void ExecutorNotHandedOnIsNotReportedAsAValue(string code) => TestScanner.RuleIds(code).ShouldNotContain("PG202");

    [Theory]
    [InlineData("import pickle\ndata = pickle.loads(blob)")]
    [InlineData("import cPickle\ndata = cPickle.load(f)")]
    [InlineData("import marshal\ncode = marshal.loads(blob)")]
    [InlineData("import shelve\ndb = shelve.open('x')")]
    [InlineData("import yaml\ncfg = yaml.load(text)")]
    [InlineData("import yaml\ncfg = yaml.load(text, Loader=yaml.Loader)")]
    [InlineData("import torch\nm = torch.load('m.pt')")]
    [InlineData("import numpy as np\na = np.load('a.npy', allow_pickle=True)")]
    [InlineData("import pandas as pd\ndf = pd.read_pickle('df.pkl')")]
    [InlineData("import dill\nf = dill.loads(blob)")]
    public void UnsafeDeserialisationIsReported(string code) => TestScanner.RuleIds(code).ShouldContain("PG203");

    [Theory]
    [InlineData("import yaml\ncfg = yaml.safe_load(text)")]
    [InlineData("import yaml\ncfg = yaml.load(text, Loader=yaml.SafeLoader)")]
    [InlineData("import torch\nm = torch.load('m.pt', weights_only=True)")]
    [InlineData("import numpy as np\na = np.load('a.npy')")]
    [InlineData("import json\ndata = json.loads(text)")]
    public void SafeLoadersAreNotReported(string code) => TestScanner.RuleIds(code).ShouldNotContain("PG203");

    [Theory]
    [InlineData("import os\nos.system('rm -rf /')", "rm -rf /")]
    [InlineData("import subprocess\nsubprocess.run('ls ' + path, shell=True)", null)]
    [InlineData("import os\nos.popen('id').read()", "id")]
    [InlineData("import logging\nlogging.os.system('id')", "id")]
    [InlineData("import os\ngetattr(os, 'sy' + 'stem')('whoami')", "whoami")]
    [InlineData("import subprocess\nsubprocess.getoutput('uname -a')", "uname -a")]
    [InlineData("print.__self__.__import__('os').system('id')", "id")]
    [InlineData("import operator\noperator.attrgetter('system')(__import__('os'))('id')", "id")]
    [InlineData("import operator, os\noperator.methodcaller('sys' + 'tem', 'id')(os)", null)]
    [InlineData("import pydoc\npydoc.locate('os.system')('id')", "id")]
    [InlineData("import pkgutil\npkgutil.resolve_name('os:system')('id')", "id")]
    [InlineData("import functools, os\nrun = functools.partial(os.system, 'id')\nrun()", null)]
    [InlineData("from functools import partial\nimport os\nrun = partial(os.system)\nrun('id')", "id")]
    [InlineData("import os\n(lambda f: f('id'))(os.system)", "id")]
    [InlineData("import os\ndef apply(fn, arg):\n    return fn(arg)\napply(os.system, 'id')", "id")]
    [InlineData("import os\nclass R:\n    run = staticmethod(os.system)\nR.run('id')", "id")]
    [InlineData("import os\nclass Runner:\n    def __init__(self):\n        self.fn = os.system\n    def go(self, c):\n        self.fn(c)\nRunner().go('id')", null)]
    public void ShellCommandsAreBlocked(string code, string? command)
    {
        var finding = TestScanner.Findings(code).First(f => f.RuleId == "PG204");
        finding.Severity.ShouldBe(Severity.Error);
        if (command is not null)
        {
            finding.Message.ShouldContain(command);
        }
    }

    [Theory]
    [InlineData("import os, threading\nthreading.Thread(target=os.system, args=('id',)).start()", "os.system")]
    [InlineData("import os\nlist(map(os.system, ['id', 'uname']))", "os.system")]
    [InlineData("import atexit, subprocess\natexit.register(subprocess.call, 'id', shell=True)", "subprocess.call")]
    [InlineData("import os\nfrom concurrent.futures import ThreadPoolExecutor\nThreadPoolExecutor().submit(os.popen, 'id')", "os.popen")]
    [InlineData("import os\nhandlers = {'run': os.execv}", "os.execv")]
    [InlineData("import os\ndef pick():\n    return os.spawnl", "os.spawnl")]
    [InlineData("import os\nrunner = getattr(os, 'sys' + 'tem')\nschedule(runner, 'id')", "os.system")]
    [InlineData("import os, functools, threading\nthreading.Thread(target=functools.partial(os.system, 'id')).start()", "os.system")]
    public void ProgramRunnersPassedAsValuesAreBlocked(string code, string function)
    {
        var result = TestScanner.Scan(code);
        result.Findings.ShouldContain(f => f.RuleId == "PG208" && f.Message.Contains($"'{function}'"));
        result.Verdict.ShouldBe(Verdict.Block);
    }

    [Theory]
    [InlineData("import subprocess\ndef done(p):\n    return isinstance(p, subprocess.Popen)")]
    [InlineData("import os\nos.system('id')")]
    [InlineData("import threading\nthreading.Thread(target=print, args=('working',)).start()")]
    [InlineData("from unittest import mock\nwith mock.patch('os.system') as fake:\n    pass")]
    [InlineData("import subprocess\nresult = subprocess.run(['ls'], check=True)\nprint(result.returncode)")]
    public void ProgramRunnersThatAreCalledOrOnlyNamedAreNotPG208(string code) => TestScanner.RuleIds(code).ShouldNotContain("PG208");

    [Theory]
    [InlineData("import functools\nshow = functools.partial(print, sep=', ')\nshow(1, 2)")]
    [InlineData("from functools import partial\nparse = partial(int, base=2)\nn = parse('101')")]
    [InlineData("n = (lambda f: f(-3))(abs)")]
    [InlineData("def apply(fn, arg):\n    return fn(arg)\nsize = apply(len, [1, 2])")]
    [InlineData("import json\nclass Codec:\n    dump = staticmethod(json.dumps)\ntext = Codec.dump({'a': 1})")]
    [InlineData("import operator\ntotal = sum(map(operator.attrgetter('price'), items))")]
    [InlineData("class Basket:\n    def __init__(self):\n        self.items = []\n        self.total = 0\n    def add(self, x):\n        self.items.append(x)\n        self.total += x")]
    [InlineData("class Worker:\n    def __init__(self):\n        self.running = True\n    def stop(self):\n        self.running = False\n    def run(self):\n        while self.running:\n            self.step()\n    def step(self):\n        pass")]
    [InlineData("import json\nclass Store:\n    def __init__(self, path):\n        self.path = path\n        self.dump = json.dumps\n    def save(self, data):\n        with open(self.path, 'w') as f:\n            f.write(self.dump(data))")]
    public void WrappedHarmlessCallablesAreAllowed(string code) => TestScanner.Scan(code).Verdict.ShouldBe(Verdict.Allow);

    [Theory]
    [InlineData("import subprocess\nsubprocess.run(['git', 'status'])")]
    [InlineData("import os\nos.execv('/bin/sh', ['sh'])")]
    [InlineData("import pty\npty.spawn('/bin/bash')")]
    [InlineData("import asyncio\nasync def main():\n    await asyncio.create_subprocess_exec('ls')")]
    public void ProcessExecutionIsReported(string code)
    {
        var ids = TestScanner.RuleIds(code);
        ids.ShouldContain("PG205");
        ids.ShouldNotContain("PG204");
    }

    [Theory]
    [InlineData("import subprocess, sys\nsubprocess.check_call([sys.executable, '-m', 'pip', 'install', 'reqeusts'])")]
    [InlineData("import os\nos.system('pip install colorama')")]
    [InlineData("import pip\npip.main(['install', 'x'])")]
    public void RuntimeInstallIsReported(string code) => TestScanner.RuleIds(code).ShouldContain("PG206");

    [Theory]
    [InlineData("import runpy\nrunpy.run_path('step2.py')")]
    [InlineData("import importlib.util\nspec = importlib.util.spec_from_file_location('m', 'm.py')\nmod = importlib.util.module_from_spec(spec)\nspec.loader.exec_module(mod)")]
    [InlineData("import code\ncode.InteractiveInterpreter().runsource(src)")]
    [InlineData("import timeit\ntimeit.timeit('__import__(\"os\")')")]
    public void CodeLoadingIsReported(string code) => TestScanner.RuleIds(code).ShouldContain("PG207");

    [Fact]
    public void TimeitWithACallableIsBenchmarking()
    {
        TestScanner.RuleIds("import timeit\ndef f():\n    return sum(range(100))\nprint(timeit.timeit(f, number=10))").ShouldBeEmpty();
    }
}
