using PyGuard.Analyzers.Tests.Semantics;
using PyGuard.Syntax.Tree;
using Shouldly;
using Xunit;

namespace PyGuard.Analyzers.Tests.DataFlow;

/// <summary>Methods called on objects the interpreter cannot type, named by what flows into the receiver (asked at <c>probe(...)</c>).</summary>
public sealed class ReceiverTypesTests
{
    private static IReadOnlyList<string> CalleeNames(string code)
    {
        var model = TestScanner.Model(code);
        return model.DataFlow.CalleeNames((ExprCall)ExpressionFinder.Probe(model));
    }

    [Fact]
    public void AClientPassedAsAParameterIsNamedByItsType() =>
        CalleeNames("import urllib3\ndef submit(pool):\n    probe(pool.request('GET', 'https://x.example.com'))\nsubmit(urllib3.PoolManager())")
            .ShouldContain("urllib3.PoolManager.request");

    [Fact]
    public void AModulePassedAsAParameterIsNamedByTheModule() =>
        CalleeNames("import requests\ndef send(http, url):\n    probe(http.post(url))\nsend(requests, 'https://x.example.com')")
            .ShouldContain("requests.post");

    [Fact]
    public void AClientKeptInAMemberByAnotherMethodIsNamedByItsType() =>
        CalleeNames("import http.client\nclass U:\n    def __init__(self):\n        self.conn = http.client.HTTPSConnection('x.example.com')\n" +
            "    def flush(self):\n        probe(self.conn.request('PUT', '/'))")
            .ShouldHaveSingleItem().ShouldEndWith(".request");

    [Fact]
    public void AMemberOfALocalObjectPassedAsAParameterIsNamedByWhatItHolds() =>
        CalleeNames("import requests\nclass Api:\n    def __init__(self):\n        self.session = requests.Session()\n" +
            "def send(api):\n    probe(api.session.post('https://x.example.com'))\nsend(Api())")
            .ShouldBe(["requests.Session.post"]);

    [Fact]
    public void AReceiverIsFollowedThroughAssignmentsAndSeveralCallLevels() =>
        CalleeNames("import socket\ndef inner(s):\n    probe(s.sendall(b'x'))\ndef outer(conn):\n    inner(conn)\n" +
            "sock = socket.socket()\nalias = sock\nouter(alias)")
            .ShouldContain("socket.socket.sendall");

    [Fact]
    public void EveryObjectThatMayReachTheReceiverIsNamed()
    {
        var names = CalleeNames("import requests, httpx\ndef get(client):\n    probe(client.get('https://x.example.com'))\n" +
            "get(requests.Session())\nget(httpx.Client())");
        names.ShouldContain("requests.Session.get");
        names.ShouldContain("httpx.Client.get");
    }

    [Theory]
    [InlineData("def read(config):\n    probe(config.get('name'))\nread({'name': 'x'})")]
    [InlineData("def read(config):\n    probe(config.get('name'))")]
    [InlineData("class C:\n    def __init__(self):\n        self.items = []\n    def run(self):\n        probe(self.items.append(1))")]
    public void ReceiversHoldingNoLibraryObjectHaveNoName(string code) => CalleeNames(code).ShouldBeEmpty();

    [Fact]
    public void CallsTheModelAlreadyNamesAreAnsweredAsTheModelDoes() =>
        CalleeNames("import requests\nprobe(requests.get('https://x.example.com'))").ShouldBe(["requests.get"]);

    [Fact]
    public void ParametersThatReceiveEachOtherEnd()
    {
        var code = "def a(x):\n    return b(x)\ndef b(y):\n    probe(y.send(1))\n    return a(y)\na(a)";
        CalleeNames(code).ShouldBeEmpty();
    }

    [Fact]
    public void ALongChainOfParametersIsFollowedToTheObject()
    {
        var code = new System.Text.StringBuilder("import requests\n");
        for (var i = 0; i < 300; i++)
        {
            code.Append($"def f{i}(c):\n    return f{i + 1}(c)\n");
        }

        code.Append("def f300(c):\n    probe(c.post('https://x.example.com'))\nf0(requests.Session())\n");
        var model = TestScanner.Model(code.ToString());
        model.DataFlow.CalleeNames((ExprCall)ExpressionFinder.Probe(model)).ShouldContain("requests.Session.post");
        model.IncompleteReason.ShouldBeNull();
    }

    [Fact]
    public void ManyCallsOnAParameterWithManyCallersAreAllAnswered()
    {
        var code = new System.Text.StringBuilder("import socket\ndef use(s):\n");
        for (var i = 0; i < 500; i++)
        {
            code.Append($"    s.send(b'{i}')\n");
        }

        for (var i = 0; i < 500; i++)
        {
            code.Append("use(socket.socket())\n");
        }

        code.Append("def last(s):\n    probe(s.send(b'x'))\nlast(socket.socket())\n");
        CalleeNames(code.ToString()).ShouldBe(["socket.socket.send"]);
    }
}
