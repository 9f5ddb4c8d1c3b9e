using PyGuard.Engine.Model;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.Rules;

public sealed class EscapeRuleTests
{
    [Theory]
    [InlineData("x = ().__class__.__base__.__subclasses__()", "PG301")]
    [InlineData("x = ''.__class__.__mro__[1].__subclasses__()", "PG301")]
    [InlineData("x = object.__subclasses__()", "PG301")]
    [InlineData("x = type(1).__bases__", "PG301")]
    [InlineData("g = f.__globals__['os']", "PG302")]
    [InlineData("b = print.__self__.__builtins__", "PG302")]
    [InlineData("f.__code__ = g.__code__", "PG302")]
    [InlineData("import sys\nh = sys._getframe(1).f_globals", "PG303")]
    [InlineData("try:\n    1/0\nexcept Exception as e:\n    g = e.__traceback__.tb_frame.f_back.f_globals", "PG303")]
    [InlineData("g = (x for x in []).gi_frame.f_builtins", "PG303")]
    [InlineData("import inspect\nframe = inspect.currentframe()", "PG303")]
    [InlineData("g = getattr(f, '__glo' + 'bals__')", "PG304")]
    [InlineData("g = object.__getattribute__(f, '__globals__')", "PG304")]
    [InlineData("c = getattr((), '__class__')", "PG304")]
    [InlineData("s = '{0.__class__.__init__.__globals__}'.format(obj)", "PG305")]
    [InlineData("import string\ns = string.Formatter().format('{0.__dict__}', obj)", "PG305")]
    [InlineData("import string\ns = string.Formatter().vformat('{0.__globals__}', [f], {})", "PG305")]
    [InlineData("s = '{x.__class__}'.format_map({'x': obj})", "PG305")]
    [InlineData("template = '{0.__init__.__globals__}'\ns = template.format(obj)", "PG305")]
    [InlineData("g = f.__getattribute__('__globals__')", "PG304")]
    [InlineData("import operator\nget = operator.attrgetter('__globals__')", "PG304")]
    [InlineData("setattr(f, '__code__', code)", "PG304")]
    [InlineData("import types\nf = types.FunctionType(code, {})", "PG306")]
    [InlineData("f = type(lambda: 0)(code, {})", "PG306")]
    [InlineData("def g():\n    pass\nc = g.__code__.replace(co_consts=())", "PG306")]
    [InlineData("imp = __builtins__.__dict__['__import__']", "PG307")]
    [InlineData("b = globals()['__builtins__']", "PG307")]
    [InlineData("b = print.__self__", "PG307")]
    [InlineData("f = len\nreader = f.__self__.open", "PG307")]
    [InlineData("import gc\nobjs = gc.get_objects()", "PG308")]
    [InlineData("import gc as collector\nleft = collector.garbage", "PG308")]
    [InlineData("import gc\nrefs = getattr(gc, 'get_' + 'referrers')(obj)", "PG308")]
    [InlineData("import os\nrun = os.__dict__['system']", "PG309")]
    [InlineData("import os\nclass E:\n    def __reduce__(self):\n        return (os.system, ('id',))", "PG310")]
    public void EscapesAreBlocked(string code, string rule)
    {
        var result = TestScanner.Scan(code);
        result.Findings.ShouldContain(f => f.RuleId == rule);
        result.Verdict.ShouldBe(Verdict.Block);
    }

    [Theory]
    [InlineData("class A:\n    def __init__(self):\n        super().__init__()\n    def __repr__(self):\n        return f'{self.__class__.__name__}()'")]
    [InlineData("if __name__ == '__main__':\n    print(__file__, __doc__)")]
    [InlineData("class A:\n    __slots__ = ('x',)\n__all__ = ['A']")]
    [InlineData("class A:\n    def name(self):\n        return type(self).__name__")]
    [InlineData("def f():\n    'doc'\nprint(f.__name__, f.__doc__, f.__module__)")]
    [InlineData("class P:\n    def to_dict(self):\n        return dict(self.__dict__)")]
    [InlineData("from dataclasses import dataclass, asdict\n@dataclass\nclass P:\n    x: int\nprint(asdict(P(1)))")]
    [InlineData("value = getattr(config, 'timeout', 30)")]
    [InlineData("s = '{0.name} is {0.age}'.format(person)")]
    [InlineData("f = '{0.__class__}'.format\nprint(f)")]
    [InlineData("value = obj.__getattribute__('name')")]
    [InlineData("getter = obj.__getattribute__")]
    [InlineData("import gc\ngc.collect()")]
    [InlineData("import traceback\ntry:\n    1/0\nexcept ZeroDivisionError:\n    print(traceback.format_exc())")]
    [InlineData("class Point:\n    def __reduce__(self):\n        return (Point, (self.x, self.y))")]
    [InlineData("class A:\n    def m(self):\n        pass\nowner = A().m.__self__")]
    [InlineData("import sys\nstream = sys.stdout.write.__self__")]
    [InlineData("import operator\npeople = sorted(people, key=operator.attrgetter('age', 'name'))")]
    [InlineData("import operator\nstrip = operator.methodcaller('strip')\nclean = [strip(line) for line in lines]")]
    public void BenignDundersAreAllowed(string code) => TestScanner.Scan(code).Verdict.ShouldBe(Verdict.Allow);
}
