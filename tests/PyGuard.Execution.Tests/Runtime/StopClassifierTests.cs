using PyGuard.Execution.Runtime;
using Shouldly;

namespace PyGuard.Execution.Tests.Runtime;

public sealed class StopClassifierTests
{
    private static StopReason? Classify(int exitCode, double cpuSeconds, bool oom = false, bool memoryAdvice = false, bool killsOnFork = false) =>
        StopClassifier.Classify(new StopClassifier.Evidence(exitCode, TimeSpan.FromSeconds(cpuSeconds), 2, oom, memoryAdvice, killsOnFork));

    [Fact]
    public void Sigxcpu_with_the_cpu_time_spent_is_a_cpu_stop() => Classify(128 + 24, 2.0).ShouldBe(StopReason.Cpu);

    [Fact]
    public void Exit_status_152_without_the_cpu_time_is_only_an_exit_status() => Classify(128 + 24, 0.05).ShouldBeNull();

    [Fact]
    public void Sigkill_counts_as_a_cpu_stop_only_at_the_hard_limit()
    {
        Classify(128 + 9, 3.0).ShouldBe(StopReason.Cpu);
        Classify(128 + 9, 1.0).ShouldBeNull();
    }

    [Fact]
    public void An_oom_kill_in_the_cgroup_is_a_memory_stop_whatever_the_status() => Classify(0, 0, oom: true).ShouldBe(StopReason.Memory);

    [Fact]
    public void The_bootstraps_memory_advice_labels_only_a_failed_program()
    {
        Classify(1, 0.1, memoryAdvice: true).ShouldBe(StopReason.Memory);
        Classify(0, 0.1, memoryAdvice: true).ShouldBeNull();
    }

    [Fact]
    public void Sigsys_is_the_process_limit_only_where_the_filter_kills_on_process_creation()
    {
        Classify(128 + 31, 0.1, killsOnFork: true).ShouldBe(StopReason.Processes);
        Classify(128 + 31, 0.1).ShouldBeNull();
    }

    [Fact]
    public void A_normal_exit_has_no_stop_reason() => Classify(3, 0.5).ShouldBeNull();
}
