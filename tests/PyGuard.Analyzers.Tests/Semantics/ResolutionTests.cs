using PyGuard.Semantics.Values;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.Semantics;

/// <summary>What expressions refer to, however the reference is written.</summary>
public sealed class ResolutionTests
{
    private static IReadOnlyList<string> NamesOf(string code)
    {
        var model = TestScanner.Model(code);
        return model.QualifiedNamesOf(ExpressionFinder.Probe(model)).ToList();
    }

    [Theory]
    [InlineData("import os\nprobe(os.system)", "os.system")]
    [InlineData("import os as o\nprobe(o.system)", "os.system")]
    [InlineData("from os import system as s\nprobe(s)", "os.system")]
    [InlineData("import os.path\nprobe(os.path.join)", "os.path.join")]
    [InlineData("import os.path as p\nprobe(p.join)", "os.path.join")]
    [InlineData("import posix\nprobe(posix.system)", "os.system")]
    [InlineData("import logging\nprobe(logging.os.system)", "os.system")]
    [InlineData("probe(eval)", "builtins.eval")]
    [InlineData("e = eval\nprobe(e)", "builtins.eval")]
    [InlineData("import builtins\nprobe(getattr(builtins, 'ev' + 'al'))", "builtins.eval")]
    [InlineData("probe(__builtins__.__dict__['exec'])", "builtins.exec")]
    [InlineData("probe(__builtins__['exec'])", "builtins.exec")]
    [InlineData("probe(globals()['__builtins__']['eval'])", "builtins.eval")]
    [InlineData("import builtins\nprobe(vars(builtins)['compile'])", "builtins.compile")]
    [InlineData("import builtins\nprobe(builtins.__dict__.get('eval'))", "builtins.eval")]
    [InlineData("probe(__import__('so'[::-1]).system)", "os.system")]
    [InlineData("import importlib\nprobe(importlib.import_module(''.join(['o', 's'])).system)", "os.system")]
    [InlineData("import os\nprobe(getattr(os, 'sy' + 'stem'))", "os.system")]
    [InlineData("import sys\nprobe(sys.modules['os'].system)", "os.system")]
    [InlineData("from os import *\nprobe(system)", "os.system")]
    [InlineData("import socket\ns = socket.socket()\nprobe(s.connect)", "socket.socket.connect")]
    [InlineData("import re\np = re.compile('a+')\nprobe(p.match)", "re.Pattern.match")]
    [InlineData("def pick():\n    import subprocess\n    return subprocess.Popen\nprobe(pick())", "subprocess.Popen")]
    [InlineData("probe(print.__self__.__import__)", "builtins.__import__")]
    [InlineData("b = len.__self__\nprobe(b.eval)", "builtins.eval")]
    [InlineData("probe(open.__self__.open)", "builtins.open")]
    [InlineData("import os\nprobe(os.system.__self__.popen)", "os.popen")]
    [InlineData("import operator, os\nprobe(operator.attrgetter('sys' + 'tem')(os))", "os.system")]
    [InlineData("import operator, os\nget = operator.attrgetter('path.join')\nprobe(get(os))", "os.path.join")]
    [InlineData("import pydoc\nprobe(pydoc.locate('os.system'))", "os.system")]
    [InlineData("import pkgutil\nprobe(pkgutil.resolve_name('subprocess:Popen'))", "subprocess.Popen")]
    [InlineData("import pkgutil\nprobe(pkgutil.resolve_name('os.path:join'))", "os.path.join")]
    [InlineData("import os\nclass R:\n    run = staticmethod(os.system)\nprobe(R.run)", "os.system")]
    [InlineData("import os\ndef call(f):\n    probe(f)\ncall(os.system)", "os.system")]
    [InlineData("import os\nclass R:\n    def __init__(self):\n        self.fn = os.system\n    def go(self):\n        probe(self.fn)", "os.system")]
    [InlineData("import subprocess\nclass R:\n    def setup(me):\n        me.runner: object = subprocess.Popen\n    async def go(me):\n        probe(me.runner)", "subprocess.Popen")]
    public void ResolvesReferences(string code, string expected) => NamesOf(code).ShouldContain(expected);

    [Theory]
    [InlineData("probe(int.__self__)")]
    [InlineData("probe(help.__self__)")]
    [InlineData("import operator\nprobe(operator.attrgetter(name)(obj))")]
    [InlineData("import os\nclass R:\n    def __init__(self):\n        self.fn = os.system\n    def go(self, other):\n        probe(other.fn)")]
    [InlineData("import os\nclass R:\n    def __init__(self):\n        self.fn = os.system\n    @staticmethod\n    def go(self):\n        probe(self.fn)")]
    [InlineData("import os\nclass R:\n    def __init__(self):\n        self.fn = os.system\n    def go(self):\n        def inner(self):\n            probe(self.fn)")]
    public void ReadsThatDoNotReachWhatTheyNameResolveToNothingInParticular(string code) =>
        NamesOf(code).ShouldBeEmpty();

    [Fact]
    public void ShadowedBuiltinIsNotTheBuiltin()
    {
        NamesOf("def eval(x):\n    return x\nprobe(eval)").ShouldNotContain("builtins.eval");
    }

    [Fact]
    public void AliasAssignedInABranchMayBeEither()
    {
        var names = NamesOf("import sys\nf = print\nif sys.argv:\n    f = eval\nprobe(f)");
        names.ShouldContain("builtins.eval");
        names.ShouldContain("builtins.print");
    }

    [Fact]
    public void ClassScopeIsInvisibleToMethods()
    {
        // Inside the method, `exec` is the builtin: the class attribute of the same name is not in scope.
        var names = NamesOf("class A:\n    exec = print\n    def m(self):\n        probe(exec)\n");
        names.ShouldContain("builtins.exec");
        names.ShouldNotContain("builtins.print");
    }

    [Fact]
    public void GlobalDeclarationBindsAtModuleLevel()
    {
        var names = NamesOf("def setup():\n    global runner\n    import subprocess as runner\nsetup()\nprobe(runner.run)");
        names.ShouldContain("subprocess.run");
    }

    [Fact]
    public void InjectedGlobalIsFollowed()
    {
        NamesOf("globals()['ev'] = eval\nprobe(ev)").ShouldContain("builtins.eval");
    }

    [Fact]
    public void UnknownParameterResolvesToNothingInParticular()
    {
        var model = TestScanner.Model("def f(x):\n    probe(x)\n");
        model.ValueOf(ExpressionFinder.Probe(model)).MayBeOther.ShouldBeTrue();
    }
}
