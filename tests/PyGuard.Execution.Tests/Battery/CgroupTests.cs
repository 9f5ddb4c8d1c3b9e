using System.Diagnostics;
using PyGuard.Execution.Cgroups;
using PyGuard.Execution.Tests.Support;
using Shouldly;

namespace PyGuard.Execution.Tests.Battery;

/// <summary>L4, as root: limits that hold for the run as a whole, not per process.</summary>
public sealed class CgroupTests
{
    [Theory]
    [InlineData(IsolationMode.Bubblewrap)]
    [InlineData(IsolationMode.Unshare)]
    public void Processes_that_each_stay_under_the_memory_limit_are_stopped_together(IsolationMode mode)
    {
        TestEnvironment.Require(mode);
        TestEnvironment.RequireCgroups();
        // Four processes of 150 MB each stay under the 256 MB address-space limit of each process, but not
        // under the run's cgroup limit (256 MB + the 32 MB disk + 64 MB for the sandbox itself).
        const string program = """
            import os, time
            for _ in range(3):
                if os.fork() == 0:
                    break
            block = bytearray(150 << 20)
            for i in range(0, len(block), 4096):
                block[i] = 1
            time.sleep(5)
            """;
        var result = Sandbox.Run(program, Sandbox.Options(mode));
        result.StoppedBy.ShouldBe(StopReason.Memory);
        result.Isolation.ShouldContain(IsolationLayers.Cgroup);
    }

    [Fact]
    public void A_fork_bomb_is_stopped_and_cleaned_up_by_the_cgroup_when_unsandboxed()
    {
        // Unsandboxed mode has no process limit of its own; as root the run's cgroup supplies one.
        TestEnvironment.Require(IsolationMode.None);
        TestEnvironment.RequireCgroups();
        var marker = Sandbox.Marker();
        var result = Sandbox.Run("import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n",
            Sandbox.Options(IsolationMode.None), marker);
        result.StoppedBy.ShouldBe(StopReason.Processes);
        ProcessScan.SurvivorsAfterTeardown(marker).ShouldBeEmpty();
    }

    [Fact]
    public void A_run_cgroup_is_removed_once_its_last_process_is_reaped()
    {
        TestEnvironment.RequireCgroups();
        var session = CgroupSession.Create(TestEnvironment.Host.Cgroups!, 64L << 20);
        using var sleeper = Process.Start("/bin/sleep", "30");
        session.TryEnter(sleeper.Id).ShouldBeTrue();
        session.Confine([sleeper.Id], 4);
        session.Directories.ShouldAllBe(d => File.ReadAllText(Path.Combine(d, "cgroup.procs")).Contains(sleeper.Id.ToString()));
        session.Dispose();
        sleeper.WaitForExit(TimeSpan.FromSeconds(10)).ShouldBeTrue("the cgroup kill did not reach the process");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (session.Directories.Any(Directory.Exists) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }

        session.Directories.Where(Directory.Exists).ShouldBeEmpty();
    }
}
