using PyGuard.Engine.Model;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.Rules;

public sealed class ResourceRuleTests
{
    [Theory]
    [InlineData("while True:\n    data = fetch()\n    process(data)")]
    [InlineData("while 1:\n    pass")]
    [InlineData("while not False:\n    tick()")]
    [InlineData("FOREVER = True\nwhile FOREVER:\n    tick()")]
    [InlineData("while True:\n    for item in batch():\n        if item is None:\n            break")]
    [InlineData("while True:\n    def stop():\n        return 1\n    stop()")]
    [InlineData("i = 0\ndef show():\n    print(i)\nwhile i < 3:\n    show()")]
    [InlineData("def outer():\n    i = 0\n    def step():\n        nonlocal i\n        i += 1\n    while i < 3:\n        print(i)")]
    public void LoopsWithAnAlwaysTrueConditionAndNoWayOutAreBlocked(string code) =>
        TestScanner.Findings(code).ShouldContain(f => f.RuleId == "PG401" && f.Severity == Severity.Error);

    [Theory]
    [InlineData("while True:\n    line = f.readline()\n    if not line:\n        break\n    handle(line)")]
    [InlineData("def serve():\n    while True:\n        req = next_request()\n        if req is None:\n            return\n        handle(req)")]
    [InlineData("while True:\n    if failed():\n        raise RuntimeError('gave up')")]
    [InlineData("import sys\nwhile True:\n    if done():\n        if really_done():\n            sys.exit(0)")]
    [InlineData("from sys import exit as bye\nwhile True:\n    if done():\n        bye()")]
    [InlineData("while True:\n    try:\n        x = int(input())\n        break\n    except ValueError:\n        print('again')")]
    [InlineData("while True:\n    match input():\n        case 'q':\n            break\n        case _:\n            print('?')")]
    [InlineData("i = 0\ndef step():\n    global i\n    i += 1\nwhile i < 3:\n    step()")]
    [InlineData("def outer():\n    i = 0\n    def step():\n        nonlocal i\n        i += 1\n    while i < 3:\n        step()")]
    public void LoopsWithAWayOutAreNotInfinite(string code) => TestScanner.RuleIds(code).ShouldNotContain("PG401");

    [Theory]
    [InlineData("def ticks():\n    n = 0\n    while True:\n        yield n\n        n += 1")]
    [InlineData("import asyncio\nasync def heartbeat():\n    while True:\n        await asyncio.sleep(1)\n        ping()")]
    public void EndlessLoopsThatYieldOrAwaitAreOnlyNotes(string code)
    {
        var findings = TestScanner.Findings(code).Where(f => f.RuleId == "PG401").ToList();
        findings.ShouldNotBeEmpty();
        findings.ShouldAllBe(f => f.Severity == Severity.Note);
    }

    [Theory]
    [InlineData("i = 0\nwhile i < 10:\n    print(i)", "'i'")]
    [InlineData("def drain(n):\n    i = 0\n    while i < n:\n        print(i)", "'i', 'n'")]
    [InlineData("def wait(ready):\n    while not ready:\n        print('waiting')", "'ready'")]
    public void LoopConditionsThatNothingChangesAreReported(string code, string names) =>
        TestScanner.Findings(code).ShouldContain(f => f.RuleId == "PG402" && f.Message.Contains(names));

    [Theory]
    [InlineData("n = 0\nwhile n >= 0:\n    n += 1")]
    [InlineData("def f(limit):\n    i = limit\n    while 0 < i:\n        i += 2\n        print(i)")]
    [InlineData("x = 10.0\nwhile x > 1:\n    x -= -0.5")]
    [InlineData("k = 5\nwhile k <= 100:\n    k -= 1\n    k -= 2")]
    [InlineData("STEP = 3\nk = 5\nwhile k < 100:\n    k -= STEP")]
    public void LoopsThatOnlyMoveAwayFromTheirExitAreReported(string code) =>
        TestScanner.Findings(code).ShouldContain(f => f.RuleId == "PG402" && f.Message.Contains("only moves away from its exit"));

    [Theory]
    [InlineData("i = 0\nwhile i < 10:\n    print(i)\n    i += 1")]
    [InlineData("def f(n):\n    while n > 0:\n        n = n // 2")]
    [InlineData("def f(x):\n    while x:\n        for x in []:\n            pass")]
    [InlineData("def f(n):\n    i = 0\n    while i < n:\n        if i == 3:\n            break\n        print(i)")]
    [InlineData("class Worker:\n    def run(self):\n        while self.running:\n            self.step()")]
    [InlineData("def f(lines):\n    while (line := lines.pop()):\n        print(line)")]
    [InlineData("done = False\ndef stop():\n    global done\n    done = True\nwhile not done:\n    print('waiting')")]
    [InlineData("done = False\ndef poll():\n    return 1\nwhile not done:\n    poll()")]
    [InlineData("def outer():\n    i = 0\n    def step():\n        nonlocal i\n        i += 1\n    while i < 3:\n        step()")]
    [InlineData("i = 0\nwhile i >= 0:\n    i -= 1")]
    [InlineData("def f(step):\n    i = 0\n    while i < 10:\n        i += step")]
    [InlineData("i = 0\nwhile i >= 0:\n    i += 1\n    if i > 100:\n        break")]
    [InlineData("i = 0\nwhile i >= 0:\n    i += 1\n    i = compute(i)")]
    [InlineData("i = 0\nwhile i > -5:\n    i += 1\n    for i in range(3):\n        pass")]
    [InlineData("i = 0\nwhile i < i + 1:\n    i += 1")]
    [InlineData("i = 0\nwhile i >= 0:\n    i += 1\n    i -= 2")]
    [InlineData("i = 0\nwhile i != 10:\n    i += 1")]
    [InlineData("i = 1\nwhile i < 1000:\n    i *= 2")]
    public void LoopConditionsThatTheLoopChangesOrLeavesAreNotReported(string code) => TestScanner.RuleIds(code).ShouldNotContain("PG402");

    [Theory]
    [InlineData("import itertools\nfor i in itertools.count():\n    print(i)", "itertools.count()")]
    [InlineData("import itertools as it\nfor x in it.count():\n    print(x)", "itertools.count()")]
    [InlineData("from itertools import count\nfor i in count(1):\n    print(i)", "itertools.count()")]
    [InlineData("from itertools import cycle as loop\nfor c in loop('abc'):\n    print(c)", "itertools.cycle()")]
    [InlineData("for x in iter(int, 1):\n    print(x)", "iter(int, ...)")]
    [InlineData("import itertools\nfor i, x in enumerate(itertools.count()):\n    print(i, x)", "itertools.count()")]
    [InlineData("import itertools\nc = itertools.count()\nfor i in c:\n    print(i)", "itertools.count()")]
    [InlineData("def ticks():\n    while True:\n        yield 1\nfor t in ticks():\n    print(t)", "the generator ticks()")]
    [InlineData("import itertools\nsquares = [i * i for i in itertools.count()]", "itertools.count()")]
    [InlineData("import itertools\nxs = list(itertools.count())", "list() reads all")]
    [InlineData("import itertools as it\ntotal = sum(x for x in it.repeat(1))", "sum() reads all")]
    [InlineData("import itertools\ntext = ', '.join(str(i) for i in itertools.count())", "str.join() reads all")]
    [InlineData("import itertools\nsep = '-'\nline = sep.join(itertools.repeat('x'))", "str.join() reads all")]
    public void IterationOverInfiniteIteratorsIsReported(string code, string what) =>
        TestScanner.Findings(code).ShouldContain(f => f.RuleId == "PG403" && f.Message.Contains(what));

    [Theory]
    [InlineData("import itertools\nfor i in itertools.count():\n    if i > 10:\n        break\n    print(i)")]
    [InlineData("import itertools\ndef first_free(used):\n    for i in itertools.count():\n        if i not in used:\n            return i")]
    [InlineData("import itertools\nfor i in itertools.islice(itertools.count(), 10):\n    print(i)")]
    [InlineData("import itertools\nfor i, item in zip(itertools.count(1), ['a', 'b']):\n    print(i, item)")]
    [InlineData("import itertools\nfor x in itertools.repeat('x', 3):\n    print(x)")]
    [InlineData("with open('f.bin', 'rb') as f:\n    for chunk in iter(lambda: f.read(4096), b''):\n        print(len(chunk))")]
    [InlineData("import itertools\nfound = any(x > 5 for x in itertools.count())")]
    [InlineData("import itertools\nids = itertools.count()\nnames = {n: next(ids) for n in ['a', 'b']}")]
    [InlineData("def ticks(n):\n    while n > 0:\n        yield n\n        n -= 1\nfor t in ticks(3):\n    print(t)")]
    [InlineData("import itertools\nwords = ['a', 'b']\ntext = ' '.join(words)")]
    [InlineData("import itertools\nparts = path.join(itertools.count())")]
    public void BoundedIterationIsNotReported(string code) => TestScanner.RuleIds(code).ShouldNotContain("PG403");

    [Theory]
    [InlineData("def f(n):\n    return f(n - 1)")]
    [InlineData("def countdown(n):\n    print(n)\n    countdown(n - 1)")]
    [InlineData("def f(n):\n    if n:\n        return f(n - 1)\n    else:\n        return f(n + 1)")]
    [InlineData("def f(path):\n    with open(path) as handle:\n        return f(handle.name)")]
    [InlineData("def f():\n    try:\n        f()\n    finally:\n        print('done')")]
    [InlineData("def f(n):\n    def helper():\n        return n\n    f(helper())")]
    [InlineData("async def f():\n    await f()")]
    [InlineData("def f(x):\n    return g(x)\ng = f")]
    [InlineData("class Node:\n    def walk(self):\n        return self.walk()")]
    [InlineData("class Pair:\n    def a(self):\n        return self.b()\n    def b(self):\n        return self.a()")]
    [InlineData("class Task:\n    async def run(self):\n        await self.run()")]
    // Through a def nested in the function: its calls are its own, and it always calls back.
    [InlineData("def outer():\n    def inner():\n        return outer()\n    return inner()")]
    // Class decorators that return the class with its methods as written.
    [InlineData("from dataclasses import dataclass\n@dataclass\nclass Node:\n    def walk(self):\n        return self.walk()")]
    [InlineData("import dataclasses\n@dataclasses.dataclass(frozen=True)\nclass Node:\n    def walk(self):\n        return self.walk()")]
    [InlineData("import functools\n@functools.total_ordering\nclass Node:\n    def walk(self):\n        return self.walk()")]
    // An assert that cannot fail is no base case.
    [InlineData("def f(n):\n    assert True\n    return f(n - 1)")]
    public void FunctionsThatCallThemselvesOnEveryPathAreBlocked(string code) =>
        TestScanner.Findings(code).ShouldContain(f => f.RuleId == "PG404" && f.Severity == Severity.Error);

    [Fact]
    public void DirectRecursionNamesTheFunction() =>
        TestScanner.Findings("def countdown(n):\n    print(n)\n    countdown(n - 1)")
            .ShouldContain(f => f.RuleId == "PG404" && f.Message == "countdown() calls itself on every path, so it never returns");

    [Fact]
    public void MutualRecursionNamesTheCycle()
    {
        var messages = TestScanner.Findings("def a(n):\n    return b(n)\ndef b(n):\n    return a(n)")
            .Where(f => f.RuleId == "PG404").Select(f => f.Message).ToList();
        messages.ShouldContain("a() always calls b(), which always calls a() again");
        messages.ShouldContain("b() always calls a(), which always calls b() again");
    }

    [Fact]
    public void LongerCyclesListEveryStep() =>
        TestScanner.Findings("def a():\n    b()\ndef b():\n    c()\ndef c():\n    a()")
            .ShouldContain(f => f.RuleId == "PG404" && f.Message == "a() always calls b() -> c(), which always calls a() again");

    [Theory]
    [InlineData("def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)")]
    [InlineData("def f(n):\n    if n <= 0:\n        return\n    f(n - 1)")]
    [InlineData("import sys\ndef f(n):\n    if n > 100:\n        if n > 1000:\n            sys.exit(1)\n    f(n + 1)")]
    [InlineData("def f(n):\n    return n and f(n - 1)")]
    [InlineData("def f(n):\n    return 0 if n == 0 else f(n - 1)")]
    [InlineData("def visit(node):\n    for child in node.children:\n        visit(child)")]
    [InlineData("def f():\n    try:\n        return f()\n    except RecursionError:\n        return 0")]
    [InlineData("def f(xs):\n    return [f(x) for x in xs]")]
    [InlineData("def walk(node):\n    yield node\n    yield from walk(node)")]
    [InlineData("import json\ndef load(f):\n    return json.load(f)")]
    [InlineData("class Base:\n    def run(self):\n        return 1\nclass Child(Base):\n    def run(self):\n        return super().run()")]
    [InlineData("def f():\n    return 1\nclass C:\n    def f(self):\n        return f()")]
    [InlineData("def a(n):\n    if n == 0:\n        return 0\n    return b(n - 1)\ndef b(n):\n    return a(n)")]
    [InlineData("from sys import exit as bye\ndef f(n):\n    if n > 10:\n        bye()\n    f(n + 1)")]
    [InlineData("import os\ndef f(n):\n    if n > 10:\n        os.abort()\n    f(n + 1)")]
    // A failing assert raises, which ends the recursion.
    [InlineData("def f(n):\n    assert n > 0, 'depth exhausted'\n    return f(n - 1)")]
    [InlineData("def f(items):\n    assert items\n    f(items[1:])")]
    // A decorator that may replace the class or wrap its methods: self.walk() may not be this walk.
    [InlineData("def register(cls):\n    return make_proxy(cls)\n@register\nclass Node:\n    def walk(self):\n        return self.walk()")]
    [InlineData("import somelib\n@somelib.traced\nclass Node:\n    def walk(self):\n        return self.walk()")]
    public void RecursionWithABaseCaseIsNotReported(string code) => TestScanner.RuleIds(code).ShouldNotContain("PG404");

    [Theory]
    [InlineData("payload = 'A' * 10**11", "100 GB")]
    [InlineData("n = 10**9\nxs = [0] * n", "8 GB")]
    [InlineData("SIZE = 1 << 30\nbuf = b'\\0' * SIZE", "1.1 GB")]
    [InlineData("xs = list(range(10**9))", "8 GB")]
    [InlineData("s = 'x'.ljust(10**9)", "1 GB")]
    [InlineData("import os\nkey = os.urandom(10**9)", "os.urandom")]
    [InlineData("from secrets import token_bytes as tb\nkey = tb(2**31)", "secrets.token_bytes")]
    [InlineData("import numpy as np\ngrid = np.zeros((100000, 100000))", "numpy.zeros")]
    [InlineData("xs = [0 for _ in range(10**9)]", "the comprehension builds")]
    [InlineData("s = f'{0:1000000000}'", "width")]
    [InlineData("s = 'x'\nfor _ in range(100):\n    s = s + s", "multiplies 's' by 2 on each of its 100 passes")]
    [InlineData("data = [0]\nfor i in range(40):\n    data *= 3", "multiplies 'data' by 3")]
    [InlineData("b = b'ab'\nfor _ in range(30):\n    b += b", "at least 1.1 GB")]
    [InlineData("def bomb():\n    t = 'spam'\n    for _ in range(50):\n        t = t + t + t\n    return t", "multiplies 't' by 3")]
    [InlineData("s = 'x'\nfor _ in range(20):\n    s += s\n    s = 2 * s", "multiplies 's' by 4")]
    public void HugeAllocationsAreBlocked(string code, string what) =>
        TestScanner.Findings(code).ShouldContain(f => f.RuleId == "PG405" && f.Severity == Severity.Error && f.Message.Contains(what));

    [Theory]
    [InlineData("buffer = bytearray(64 * 1024)")]
    [InlineData("row = [0] * 1000")]
    [InlineData("xs = [0] * n")]
    [InlineData("xs = list(range(1000))")]
    [InlineData("import os\nkey = os.urandom(32)")]
    [InlineData("import numpy as np\ngrid = np.zeros((100, 100))")]
    [InlineData("xs = [i * i for i in range(10**6)]")]
    [InlineData("s = 'x'\nfor _ in range(10):\n    s = s + s")]
    [InlineData("n = 1\nfor _ in range(100):\n    n = n + n")]
    [InlineData("s = 'x'\nfor _ in range(100):\n    s = s + s\n    if len(s) > 1000:\n        break")]
    [InlineData("s = 'x'\nfor _ in range(100):\n    s = s + s\n    s = 'x'")]
    [InlineData("s = 'x'\nfor i in range(100):\n    if i % 2:\n        s = s + s")]
    [InlineData("parts = ['a']\nfor item in items:\n    parts = parts + parts")]
    [InlineData("s = 'x'\nfor s in range(100):\n    s += s")]
    public void OrdinaryAllocationsAreNotReported(string code) => TestScanner.RuleIds(code).ShouldNotContain("PG405");

    [Theory]
    [InlineData("x = 9**9**9", "the power")]
    [InlineData("e = 10**10\nx = 2 ** e", "the power")]
    [InlineData("x = pow(10, 10**10)", "pow()")]
    [InlineData("import math\nx = math.factorial(10**9)", "math.factorial")]
    [InlineData("from math import factorial as fac\nx = fac(10**9)", "math.factorial")]
    [InlineData("total = sum(range(10**12))", "sum() over")]
    [InlineData("for i in range(10**12):\n    pass", "the loop runs")]
    [InlineData("n = 10**10\nfor i in range(0, n, 2):\n    pass", "the loop runs")]
    [InlineData("import decimal\ndecimal.getcontext().prec = 10**12", "decimal precision")]
    [InlineData("import decimal\nctx = decimal.Context(prec=10**12)", "decimal.Context(prec=")]
    [InlineData("import decimal\nwith decimal.localcontext(prec=10**12):\n    pass", "decimal.localcontext(prec=")]
    [InlineData("import math\nx = math.comb(10**9, 5)", "math.comb")]
    [InlineData("from math import perm\nx = perm(10**9)", "math.perm")]
    [InlineData("import itertools\nxs = list(itertools.product(range(100), repeat=20))", "list() over ~10^40 items")]
    [InlineData("from itertools import permutations\nfor p in permutations(range(20)):\n    pass", "the loop runs ~10^18 times")]
    [InlineData("import itertools as it\nn = sum(1 for _ in it.combinations('abcdefghijklmnopqrstuvwxyz' * 4, 30))", "sum() over ~10^26 items")]
    [InlineData("import itertools\ns = set(itertools.combinations_with_replacement(range(1000), 5))", "set() over ~10^12 items")]
    [InlineData("total = sum(x * x for x in range(10**12))", "sum() over ~10^12 items")]
    public void HugeComputationsAreBlocked(string code, string what) =>
        TestScanner.Findings(code).ShouldContain(f => f.RuleId == "PG406" && f.Message.Contains(what));

    [Theory]
    [InlineData("x = 2**64")]
    [InlineData("x = pow(2, 10**10, 97)")]
    [InlineData("import math\nx = math.factorial(20)")]
    [InlineData("total = sum(range(10**6))")]
    [InlineData("for i in range(1000):\n    pass")]
    [InlineData("for i in range(n):\n    pass")]
    [InlineData("import decimal\ndecimal.getcontext().prec = 50")]
    [InlineData("import itertools\npairs = list(itertools.combinations(range(10), 2))")]
    [InlineData("import itertools\nfor a, b in itertools.product('abc', [1, 2, 3]):\n    print(a, b)")]
    [InlineData("import itertools\nfor p in itertools.permutations('abcd'):\n    print(''.join(p))")]
    [InlineData("import itertools\ngrid = list(itertools.product(range(50), range(50)))")]
    [InlineData("import itertools\nxs = list(itertools.combinations(range(10**6), 10**6))")]
    [InlineData("found = any(x > 5 for x in range(10**12))")]
    [InlineData("total = sum(x for x in range(1000) if x % 3)")]
    public void OrdinaryArithmeticIsNotReported(string code) => TestScanner.RuleIds(code).ShouldNotContain("PG406");

    [Theory]
    [InlineData("import time\ntime.sleep(86400)", "24 hours")]
    [InlineData("import time\ntime.sleep(60 * 60 * 24)", "24 hours")]
    [InlineData("from time import sleep as s\ns(86400)", "24 hours")]
    [InlineData("import time\nDAY = 86400\ntime.sleep(DAY * 7)", "168 hours")]
    [InlineData("import time\ntime.sleep(1200)", "20 minutes")]
    [InlineData("import time\ntime.sleep(1e309)", "forever")]
    [InlineData("import threading\nthreading.Event().wait(86400)", "threading.Event.wait")]
    [InlineData("import asyncio\nasync def main():\n    await asyncio.sleep(3600)", "asyncio.sleep")]
    [InlineData("import time, math\ntime.sleep(math.inf)", "forever")]
    [InlineData("import time\ntime.sleep(float('inf'))", "forever")]
    [InlineData("import time\ntime.sleep(float(' Infinity '))", "forever")]
    [InlineData("import asyncio\nasync def main():\n    await asyncio.sleep(delay=86400)", "24 hours")]
    [InlineData("import threading\nthreading.Event().wait(timeout=86400)", "threading.Event.wait")]
    public void LongSleepsAreBlocked(string code, string what) =>
        TestScanner.Findings(code).ShouldContain(f => f.RuleId == "PG407" && f.Severity == Severity.Error && f.Message.Contains(what));

    [Fact]
    public void WaitingForASignalIsAWarning() =>
        TestScanner.Findings("import signal\nsignal.pause()").ShouldContain(f => f.RuleId == "PG407" && f.Severity == Severity.Warning);

    [Theory]
    [InlineData("import time\ntime.sleep(0.5)")]
    [InlineData("import time\ntime.sleep(600)")]
    [InlineData("import time\ntime.sleep(delay)")]
    [InlineData("import time\ntime.sleep(float('0.5'))")]
    [InlineData("import time, math\ntime.sleep(math.pi)")]
    [InlineData("import time\ntime.sleep(secs=86400)")]
    [InlineData("def sleep(n):\n    return n\nsleep(86400)")]
    public void ShortOrUnknownSleepsAreNotReported(string code) => TestScanner.RuleIds(code).ShouldNotContain("PG407");

    [Theory]
    [InlineData("import os\nwhile True:\n    os.fork()", "multiply exponentially")]
    [InlineData("import os\nfor i in range(3):\n    os.fork()", "multiply exponentially")]
    [InlineData("from os import fork as spawn\nwhile True:\n    spawn()", "os.fork")]
    [InlineData("import threading\nwhile True:\n    threading.Thread(target=print).start()", "a loop that never ends")]
    [InlineData("import multiprocessing as mp\nfor _ in range(10**6):\n    mp.Process(target=print).start()", "iterations")]
    [InlineData("import itertools, subprocess\nfor i in itertools.count():\n    subprocess.Popen(['sleep', '100'])", "a loop that never ends")]
    [InlineData("import threading\ndef spawn():\n    threading.Thread(target=spawn).start()", "spawn(), which runs itself again")]
    [InlineData("import subprocess\nwhile True:\n    subprocess.run('sleep 100 &', shell=True)", "a loop that never ends")]
    [InlineData("import os\nwhile True:\n    os.system(cmd)", "a loop that never ends")]
    [InlineData("import subprocess\nwhile True:\n    subprocess.call(['x'], **opts)", "a loop that never ends")]
    [InlineData("import os\nwhile True:\n    if os.fork() == 0:\n        break", "multiply exponentially")]
    public void UnboundedProcessCreationIsBlocked(string code, string what) =>
        TestScanner.Findings(code).ShouldContain(f => f.RuleId == "PG408" && f.Severity == Severity.Error && f.Message.Contains(what));

    [Theory]
    [InlineData("from concurrent.futures import ThreadPoolExecutor\nwith ThreadPoolExecutor(max_workers=4) as pool:\n    results = list(pool.map(str, [1, 2]))")]
    [InlineData("import multiprocessing\nwith multiprocessing.Pool(4) as p:\n    p.map(str, range(100))")]
    [InlineData("import threading\nfor i in range(4):\n    threading.Thread(target=print).start()")]
    [InlineData("import os\npid = os.fork()")]
    [InlineData("import subprocess\nfor f in files:\n    subprocess.run(['gzip', f])")]
    [InlineData("import threading\nclass Server:\n    def serve(self):\n        threading.Thread(target=self.handle).start()")]
    [InlineData("import subprocess\nwhile True:\n    cmd = input()\n    if cmd == 'q':\n        break\n    subprocess.run(cmd.split())")]
    [InlineData("import threading\nwhile True:\n    job = queue.get()\n    if job is None:\n        break\n    threading.Thread(target=job).start()")]
    [InlineData("import subprocess\ndef poll():\n    subprocess.check_output(['git', 'status'])\n    poll()")]
    [InlineData("import subprocess\nwhile True:\n    subprocess.run('make test', shell=True)")]
    [InlineData("import os\nwhile True:\n    os.system('clear')")]
    public void BoundedProcessCreationIsNotReported(string code) => TestScanner.RuleIds(code).ShouldNotContain("PG408");
}
