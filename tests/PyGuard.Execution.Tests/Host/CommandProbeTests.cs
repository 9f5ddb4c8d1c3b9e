using PyGuard.Execution.Host;
using Shouldly;

namespace PyGuard.Execution.Tests.Host;

// One test caps the thread pool of the whole test process for a moment: nothing else runs beside it.
[CollectionDefinition(nameof(CommandProbeTests), DisableParallelization = true)]
public sealed class CommandProbeCollection;

[Collection(nameof(CommandProbeTests))]
public sealed class CommandProbeTests
{
    [Fact]
    public void A_probe_gets_its_whole_output()
    {
        var outcome = CommandProbe.Run("/bin/sh", ["-c", "echo out; echo err >&2; exit 3"]);
        outcome.ExitCode.ShouldBe(3);
        outcome.Stdout.Trim().ShouldBe("out");
        outcome.Stderr.Trim().ShouldBe("err");
    }

    /// <summary>
    /// Parallel sandboxes once left every thread-pool thread blocked in a wait while the interpreter probe
    /// ran; reads that complete on the pool then missed their grace period and a working interpreter was
    /// reported as giving "no output". Here the pool may not grow past its minimum and every one of its
    /// threads is blocked while the probe runs: it must still read everything.
    /// </summary>
    [Fact]
    public async Task A_probe_gets_its_output_while_the_thread_pool_is_starved()
    {
        ThreadPool.GetMinThreads(out var minimum, out _);
        ThreadPool.GetMaxThreads(out var maximumWorkers, out var maximumIo);
        using var release = new ManualResetEventSlim();
        Task[] blockers = [];
        ThreadPool.SetMaxThreads(minimum, maximumIo).ShouldBeTrue();
        try
        {
            blockers = [.. Enumerable.Range(0, minimum).Select(_ => Task.Run(() => release.Wait(), TestContext.Current.CancellationToken))];
            var outcome = CommandProbe.Run("/bin/sh", ["-c", "echo out; echo err >&2"]);
            outcome.Succeeded.ShouldBeTrue();
            outcome.Stdout.Trim().ShouldBe("out");
            outcome.Stderr.Trim().ShouldBe("err");
        }
        finally
        {
            release.Set();
            ThreadPool.SetMaxThreads(maximumWorkers, maximumIo);
            await Task.WhenAll(blockers);
        }
    }
}
