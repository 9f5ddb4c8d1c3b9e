using System.Text;
using PyGuard.Execution.Tests.Support;
using Shouldly;

namespace PyGuard.Execution.Tests.Battery;

/// <summary>Ordinary programs must run in every mode and return exactly what they produced.</summary>
public sealed class BenignProgramTests
{
    [Theory]
    [MemberData(nameof(Modes.All), MemberType = typeof(Modes))]
    public void A_program_runs_and_returns_its_output_and_exit_code(IsolationMode mode)
    {
        TestEnvironment.Require(mode);
        const string program = """
            import json, re, sys
            print(json.dumps({"answer": 6 * 7}))
            print("naïve ☃", file=sys.stderr)
            sys.exit(3)
            """;
        var result = Sandbox.Run(program, Sandbox.Options(mode, auditHook: true));
        result.Executed.ShouldBeTrue();
        result.ExitCode.ShouldBe(3);
        result.StoppedBy.ShouldBeNull();
        result.Stdout.ShouldBe("{\"answer\": 42}\n");
        result.Stderr.ShouldBe("naïve ☃\n");
        result.Mode.ShouldBe(mode);
    }

    [Theory]
    [MemberData(nameof(Modes.All), MemberType = typeof(Modes))]
    public void Input_files_are_placed_beside_the_script_and_output_files_collected(IsolationMode mode)
    {
        TestEnvironment.Require(mode);
        const string program = """
            import csv, os, sys
            from helper import double
            rows = list(csv.reader(open("data/input.csv")))
            with open("result.txt", "w") as f:
                f.write(",".join(str(double(int(r[0]))) for r in rows))
            os.makedirs("out", exist_ok=True)
            open("out/args.txt", "w").write(" ".join(sys.argv))
            """;
        var request = new ExecutionRequest(Encoding.UTF8.GetBytes(program), "job.py")
        {
            Arguments = ["alpha", "beta gamma"],
            Files = [new InputFile("helper.py", "def double(x):\n    return 2 * x\n"u8.ToArray()), new InputFile("data/input.csv", "1\n2\n3\n"u8.ToArray())],
            Collect = ["result.txt", "out/args.txt", "missing.txt"],
        };
        var result = Sandbox.Run(request, Sandbox.Options(mode, auditHook: true));
        result.ExitCode.ShouldBe(0, result.Stderr);
        result.Files.Select(f => (f.Path, Encoding.UTF8.GetString(f.Content))).ShouldBe(
            [("result.txt", "2,4,6"), ("out/args.txt", "job.py alpha beta gamma")]);
        result.Notes.ShouldContain(n => n.Contains("missing.txt"));
    }

    [Theory]
    [MemberData(nameof(Modes.Sandboxes), MemberType = typeof(Modes))]
    public void A_link_planted_in_the_working_directory_is_not_followed_when_collecting(IsolationMode mode)
    {
        TestEnvironment.Require(mode);
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "host secret");
        try
        {
            var request = ExecutionRequest.FromText("import os, sys\nos.symlink(sys.argv[1], 'out.txt')\nos.mkfifo('pipe.txt')\n") with
            {
                Arguments = [secret],
                Collect = ["out.txt", "pipe.txt"],
            };
            var result = Sandbox.Run(request, Sandbox.Options(mode));
            result.ExitCode.ShouldBe(0, result.Stderr);
            result.Files.ShouldBeEmpty();
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Theory]
    [MemberData(nameof(Modes.All), MemberType = typeof(Modes))]
    public void Standard_input_is_at_end_of_file(IsolationMode mode)
    {
        TestEnvironment.Require(mode);
        var result = Sandbox.Run("try:\n    input()\nexcept EOFError:\n    print('eof')\n", Sandbox.Options(mode));
        result.Stdout.ShouldBe("eof\n");
    }

    [Theory]
    [MemberData(nameof(Modes.All), MemberType = typeof(Modes))]
    public void Threads_temporary_files_and_asyncio_work(IsolationMode mode)
    {
        TestEnvironment.Require(mode);
        const string program = """
            import asyncio, tempfile, threading
            results = []
            threads = [threading.Thread(target=results.append, args=(i,)) for i in range(4)]
            for t in threads: t.start()
            for t in threads: t.join()
            with tempfile.NamedTemporaryFile("w+") as f:
                f.write("temp"); f.flush(); f.seek(0); text = f.read()
            async def main():
                await asyncio.sleep(0)
                return "async"
            print(sorted(results), text, asyncio.run(main()))
            """;
        var result = Sandbox.Run(program, Sandbox.Options(mode, auditHook: true));
        result.Stdout.ShouldBe("[0, 1, 2, 3] temp async\n", result.Stderr);
    }

    [Theory]
    [MemberData(nameof(Modes.All), MemberType = typeof(Modes))]
    public void A_traceback_shows_the_users_code_and_not_the_bootstrap(IsolationMode mode)
    {
        TestEnvironment.Require(mode);
        var result = Sandbox.Run("def f():\n    raise ValueError('boom')\nf()\n", Sandbox.Options(mode, auditHook: true));
        result.ExitCode.ShouldBe(1);
        result.StoppedBy.ShouldBeNull();
        result.Stderr.ShouldStartWith("Traceback (most recent call last):\n  File \"main.py\", line 3, in <module>");
        result.Stderr.ShouldContain("ValueError: boom");
        result.Stderr.ShouldNotContain("pyguard-bootstrap");
    }

    [Fact]
    public void A_syntax_error_is_reported_like_python_does()
    {
        TestEnvironment.Require(IsolationMode.Bubblewrap);
        var result = Sandbox.Run("print(\n", Sandbox.Options(IsolationMode.Bubblewrap));
        result.ExitCode.ShouldBe(1);
        result.Stderr.ShouldContain("SyntaxError");
        result.Stderr.ShouldContain("main.py");
    }

    [Fact]
    public void Auto_picks_the_strongest_layer_the_machine_offers()
    {
        TestEnvironment.Require(IsolationMode.Bubblewrap);
        var result = Sandbox.Run("print('hi')", Sandbox.Options(IsolationMode.Auto));
        result.Mode.ShouldBe(IsolationMode.Bubblewrap);
        result.Stdout.ShouldBe("hi\n");
    }

    [Fact]
    public void Runs_in_parallel_do_not_interfere()
    {
        TestEnvironment.Require(IsolationMode.Bubblewrap);
        var results = Enumerable.Range(0, 4).AsParallel().WithDegreeOfParallelism(4)
            .Select(i => Sandbox.Run($"open('n.txt', 'w').write('{i}')\nprint(open('n.txt').read())", Sandbox.Options(IsolationMode.Bubblewrap)))
            .ToList();
        results.Select(r => r.Stdout.Trim()).Order().ShouldBe(["0", "1", "2", "3"]);
    }

    [Fact]
    public void Cancellation_stops_the_program_and_throws()
    {
        TestEnvironment.Require(IsolationMode.Bubblewrap);
        var marker = Sandbox.Marker();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        Should.Throw<OperationCanceledException>(() => Sandbox.Executor.Run(
            ExecutionRequest.FromText("import time\ntime.sleep(60)") with { Arguments = [marker] },
            Sandbox.Options(IsolationMode.Bubblewrap), cancel.Token));
        ProcessScan.SurvivorsAfterTeardown(marker).ShouldBeEmpty();
    }
}
