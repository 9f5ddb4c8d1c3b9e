using System.Text.RegularExpressions;
using PyGuard.Execution.Tests.Support;
using Shouldly;

namespace PyGuard.Execution.Tests.Battery;

/// <summary>Programs that try to exhaust the machine: each must be stopped or capped, with the exact reason.</summary>
public sealed class ResourceLimitTests
{
    [Theory]
    [MemberData(nameof(Modes.All), MemberType = typeof(Modes))]
    public void An_infinite_loop_is_stopped_by_the_cpu_limit(IsolationMode mode)
    {
        TestEnvironment.Require(mode);
        var result = Sandbox.Run("while True:\n    pass\n", Sandbox.Options(mode) with { CpuSeconds = 1 });
        result.StoppedBy.ShouldBe(StopReason.Cpu);
        result.CpuTime.ShouldBeGreaterThan(TimeSpan.FromSeconds(0.5));
    }

    [Theory]
    [MemberData(nameof(Modes.All), MemberType = typeof(Modes))]
    public void A_program_that_sleeps_forever_is_stopped_by_the_wall_clock(IsolationMode mode)
    {
        TestEnvironment.Require(mode);
        var marker = Sandbox.Marker();
        var result = Sandbox.Run("import time\nprint('sleeping')\ntime.sleep(600)\n", Sandbox.Options(mode) with { WallTimeout = TimeSpan.FromSeconds(1.5) }, marker);
        result.StoppedBy.ShouldBe(StopReason.Timeout);
        result.Stdout.ShouldBe("sleeping\n"); // output written before the stop is kept
        ProcessScan.SurvivorsAfterTeardown(marker).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modes.All), MemberType = typeof(Modes))]
    public void A_ten_gigabyte_string_is_stopped_by_the_memory_limit(IsolationMode mode)
    {
        TestEnvironment.Require(mode);
        var result = Sandbox.Run("x = ' ' * 10**10\nprint('allocated')\n", Sandbox.Options(mode));
        result.StoppedBy.ShouldBe(StopReason.Memory);
        result.Stdout.ShouldNotContain("allocated");
        result.Stderr.ShouldContain("MemoryError");
    }

    [Theory]
    [MemberData(nameof(Modes.All), MemberType = typeof(Modes))]
    public void Gradual_growth_is_stopped_by_the_memory_limit(IsolationMode mode)
    {
        TestEnvironment.Require(mode);
        var result = Sandbox.Run("chunks = []\nwhile True:\n    chunks.append(' ' * 10**6)\n", Sandbox.Options(mode));
        result.StoppedBy.ShouldBe(StopReason.Memory);
        result.Stderr.ShouldContain("MemoryError");
    }

    [Theory]
    [MemberData(nameof(Modes.Sandboxes), MemberType = typeof(Modes))]
    public async Task A_fork_bomb_is_contained_and_leaves_nothing_behind(IsolationMode mode)
    {
        TestEnvironment.Require(mode);
        var marker = Sandbox.Marker();
        const string bomb = "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n";
        var peak = 0;
        var run = Task.Run(() => Sandbox.Run(bomb, Sandbox.Options(mode), marker), TestContext.Current.CancellationToken);
        while (!run.IsCompleted)
        {
            peak = Math.Max(peak, ProcessScan.Survivors(marker).Count);
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        var result = await run;
        result.StoppedBy.ShouldBe(StopReason.Processes);
        // The program's processes plus the sandbox's own (bubblewrap's monitors and reaper) carry the marker.
        peak.ShouldBeLessThanOrEqualTo(8 + 1 + 5);
        ProcessScan.SurvivorsAfterTeardown(marker).ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Modes.All), MemberType = typeof(Modes))]
    public void A_two_gigabyte_file_is_capped_at_the_file_size_limit(IsolationMode mode)
    {
        TestEnvironment.Require(mode);
        const string program = """
            import os
            try:
                with open("big", "wb") as f:
                    for _ in range(2048):
                        f.write(b"\0" * (1 << 20))
                print("complete")
            except OSError as e:
                print("errno", e.errno)
            print("size", os.path.getsize("big"))
            """;
        var result = Sandbox.Run(program, Sandbox.Options(mode));
        result.Stdout.ShouldContain("errno 27"); // EFBIG
        var size = long.Parse(Regex.Match(result.Stdout, @"size (\d+)").Groups[1].Value);
        size.ShouldBeLessThanOrEqualTo(8L << 20);
        result.StoppedBy.ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(Modes.All), MemberType = typeof(Modes))]
    public void Many_ninety_megabyte_files_are_capped_at_the_disk_limit(IsolationMode mode)
    {
        TestEnvironment.Require(mode);
        const string program = """
            chunk = b"\0" * (90 << 20)
            written = 0
            try:
                for i in range(100):
                    with open("f%d" % i, "wb") as f:
                        f.write(chunk)
                    written += 1
                    print("written", written)
            except OSError as e:
                print("errno", e.errno)
            """;
        var options = Sandbox.Options(mode) with { MaxFileBytes = 100L << 20, MaxDiskBytes = 200L << 20 };
        var result = Sandbox.Run(program, options);
        var written = Regex.Matches(result.Stdout, @"written (\d+)").Select(m => int.Parse(m.Groups[1].Value)).DefaultIfEmpty(0).Max();
        if (mode == IsolationMode.Bubblewrap)
        {
            // The working directory is a tmpfs of exactly the disk limit: the third file does not fit.
            result.Stdout.ShouldContain("errno 28"); // ENOSPC
            written.ShouldBeLessThanOrEqualTo(2);
        }
        else
        {
            // On the host's disk the executor measures usage and stops the program past the limit.
            result.StoppedBy.ShouldBe(StopReason.Output);
            written.ShouldBeLessThanOrEqualTo(4);
        }
    }

    public static TheoryData<IsolationMode, string> Floods =>
        new(Modes.All.SelectMany(mode => new[] { (mode.Data, "stdout"), (mode.Data, "stderr") }));

    [Theory]
    [MemberData(nameof(Floods))]
    public void An_output_flood_is_truncated_and_stopped(IsolationMode mode, string stream)
    {
        TestEnvironment.Require(mode);
        var result = Sandbox.Run($"import sys\nwhile True:\n    sys.{stream}.write('x' * 1000)\n", Sandbox.Options(mode));
        result.StoppedBy.ShouldBe(StopReason.Output);
        var (kept, truncated, other) = stream == "stdout"
            ? (result.Stdout, result.StdoutTruncated, result.StderrTruncated)
            : (result.Stderr, result.StderrTruncated, result.StdoutTruncated);
        truncated.ShouldBeTrue();
        kept.Length.ShouldBe(64 * 1024);
        other.ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Modes.All), MemberType = typeof(Modes))]
    public void Millions_of_empty_files_are_stopped_at_the_file_count_limit(IsolationMode mode)
    {
        TestEnvironment.Require(mode);
        const string program = """
            i = 0
            while True:
                open("e%d" % i, "w").close()
                i += 1
            """;
        var result = Sandbox.Run(program, Sandbox.Options(mode) with { MaxFiles = 500 });
        result.StoppedBy.ShouldBe(StopReason.Output);
    }

    [Fact]
    public async Task The_run_returns_while_an_orphan_still_holds_its_output_pipe()
    {
        // Unsandboxed and without the cgroup, only the process group can be killed; an orphan that left it
        // keeps standard output open for a minute. The executor must not wait for that pipe to close.
        TestEnvironment.Require(IsolationMode.None);
        var marker = Sandbox.Marker();
        const string program = """
            import os, time
            if os.fork() == 0:
                os.setsid()
                time.sleep(60)
                os._exit(0)
            print("parent done")
            """;
        var options = Sandbox.Options(IsolationMode.None) with { UseCgroup = false };
        var run = Task.Run(() => Sandbox.Run(program, options, marker), TestContext.Current.CancellationToken);
        try
        {
            var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
            finished.ShouldBe(run, "the run waited for the orphan's pipe");
            var result = await run;
            result.StoppedBy.ShouldBeNull();
            result.Stdout.ShouldBe("parent done\n");
        }
        finally
        {
            foreach (var pid in ProcessScan.Survivors(marker))
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill();
            }
        }
    }
}
