using System.Collections.Frozen;
using System.Collections.Immutable;
using PyGuard.Analyzers.Common;
using PyGuard.Engine.Analysis;
using PyGuard.Engine.Model;
using PyGuard.Semantics;
using PyGuard.Syntax.Tree;

namespace PyGuard.Analyzers.Resource;

/// <summary>
/// PG408: processes or threads started without bound — in a loop that never ends, in a huge loop, in a
/// recursive function — and <c>os.fork()</c> in any loop, where every child continues the loop.
/// </summary>
public sealed class ProcessBomb : Analyzer
{
    private const double ManyIterations = 1000;

    private static readonly FrozenSet<string> Forks = FrozenSet.ToFrozenSet(["os.fork", "os.forkpty", "pty.fork"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> Starters = FrozenSet.ToFrozenSet(
    [
        "multiprocessing.Process", "multiprocessing.Process.start", "multiprocessing.Pool", "multiprocessing.pool.Pool",
        "multiprocessing.pool.ThreadPool", "concurrent.futures.ProcessPoolExecutor", "concurrent.futures.ThreadPoolExecutor",
        "threading.Thread", "threading.Thread.start", "threading.Timer", "_thread.start_new_thread", "threading.start_new_thread",
        "subprocess.Popen", "subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output",
        "os.system", "os.popen", "os.spawnl", "os.spawnv", "os.spawnlp", "os.spawnvp", "os.posix_spawn", "os.posix_spawnp",
        "asyncio.create_subprocess_exec", "asyncio.create_subprocess_shell",
    ], StringComparer.Ordinal);

    /// <summary>Starters that wait for the child to finish: in a loop they run one process at a time.</summary>
    private static readonly FrozenSet<string> Waiting = FrozenSet.ToFrozenSet(
        ["subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output", "os.system"], StringComparer.Ordinal);

    public static readonly RuleDescriptor Descriptor = Rule.Define(
        "PG408", "Process or thread bomb", "{0}",
        RuleCategory.Resource, Severity.Error, Confidence.High, 8.0, [400, 770],
        whatItDoes: "Reports `os.fork()` in any loop (each child runs the rest of the loop too, so N iterations make 2^N processes), and processes, pools and threads started inside loops that never end (no break, return or raise), loops of more than a thousand iterations, or recursive functions. A starter that waits for its child (`subprocess.run`, `call`, `check_output`, `os.system`) runs one process at a time and is not reported, unless a shell command may put the child in the background (`&`).",
        why: "A fork bomb exhausts the process table and makes the whole machine unusable, not just the sandbox; unbounded threads exhaust memory and scheduler time the same way.",
        example: "import os\nwhile True:\n    os.fork()",
        instead: "Use a fixed-size pool (`concurrent.futures.ThreadPoolExecutor(max_workers=4)`) and submit work to it.",
        safeExample: "from concurrent.futures import ThreadPoolExecutor\nwith ThreadPoolExecutor(max_workers=4) as pool:\n    results = list(pool.map(work, items))");

    public override ImmutableArray<RuleDescriptor> SupportedRules { get; } = [Descriptor];

    public override void Initialize(AnalysisRegistration registration) =>
        registration.RegisterCallAction(Analyze, Forks.Concat(Starters));

    private static void Analyze(NodeContext context)
    {
        var call = (ExprCall)context.Node;
        var model = context.Model;
        var fork = model.CalleeIn(call, Forks);
        var starter = fork ?? model.CalleeIn(call, Starters);
        if (starter is null || (Waiting.Contains(starter) && !MayBackground(model, call, starter)))
        {
            return;
        }

        foreach (var ancestor in context.Ancestors)
        {
            if (ancestor is StmtFunctionDef or StmtAsyncFunctionDef or ExprLambda or StmtClassDef)
            {
                if (ancestor is StmtFunctionDef def && CallsItself(context, def))
                {
                    context.ReportHere(Descriptor, $"{starter} inside {def.Name}(), which runs itself again, starts processes or threads without bound");
                }

                return;
            }

            var unbounded = ancestor switch
            {
                StmtWhile w when model.ValueOf(w.Test).Truthiness() == true && (fork is not null || !LoopExits.Analyze(model, w.Body).CanExit) => "a loop that never ends",
                StmtWhile when fork is not null => "a loop",
                StmtFor f when fork is not null => "a loop",
                StmtFor f when InfiniteIterators.Describe(model, f.Iter) is not null => "a loop that never ends",
                StmtFor f when IterationCount(context, f.Iter) is > ManyIterations and var n => $"a loop of {Magnitudes.DescribeCount(n)} iterations",
                _ => null,
            };
            if (unbounded is not null)
            {
                var effect = fork is not null ? "every child runs the rest of the loop too, so processes multiply exponentially" : "each iteration starts another";
                context.ReportHere(Descriptor, $"{starter} in {unbounded}: {effect}");
                return;
            }
        }
    }

    /// <summary>
    /// Whether a waiting starter may still leave its child running: a shell command (<c>os.system</c>, or
    /// <c>shell=True</c>) that is not a known string free of <c>&amp;</c> can put it in the background.
    /// </summary>
    private static bool MayBackground(SemanticModel model, ExprCall call, string starter)
    {
        // Keyword arguments unpacked from a dict (**options) may hold shell=True.
        var shell = starter == "os.system" || call.Keywords.Any(k => k.Arg is null) ||
            model.FlagValue(call.Keyword("shell"), absent: false) != false;
        if (!shell)
        {
            return false;
        }

        var command = call.Argument(0, starter == "os.system" ? "command" : "args");
        return command is null || model.StringOf(command) is not { } text || text.Contains('&');
    }

    private static double? IterationCount(NodeContext context, Expr iter) =>
        context.Model.ValueOf(iter).Constant is Semantics.Values.PyRange range ? (double)range.Length : null;

    private static bool CallsItself(NodeContext context, StmtFunctionDef def)
    {
        var finder = new SelfCallFinder(context.Model, def);
        foreach (var statement in def.Body)
        {
            finder.Visit(statement);
        }

        return finder.Found;
    }

    private sealed class SelfCallFinder(Semantics.SemanticModel model, StmtFunctionDef def) : NodeWalker
    {
        public bool Found { get; private set; }

        public override void VisitExprName(ExprName node)
        {
            // Calling itself, or handing itself over as a process or thread target: either way it runs again.
            Found |= node.Ctx == ExprContext.Load && model.ValueOf(node).Any(v => v is Semantics.Values.FunctionValue f && ReferenceEquals(f.Definition, def));
        }
    }
}
