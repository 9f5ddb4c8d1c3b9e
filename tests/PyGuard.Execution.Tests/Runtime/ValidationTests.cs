using Shouldly;

namespace PyGuard.Execution.Tests.Runtime;

public sealed class ValidationTests
{
    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../escape.py")]
    [InlineData("a/../../b")]
    [InlineData("a//b")]
    [InlineData("")]
    [InlineData("./x")]
    public void Paths_outside_the_working_directory_are_refused(string path)
    {
        Should.Throw<ArgumentException>(() => new InputFile(path, Array.Empty<byte>()));
        Should.Throw<ArgumentException>(() => new ExecutionRequest(Array.Empty<byte>(), path));
    }

    [Fact]
    public void Nested_relative_paths_are_accepted() => new InputFile("data/input.csv", Array.Empty<byte>()).Path.ShouldBe("data/input.csv");

    [Fact]
    public void Limits_that_cannot_be_enforced_are_refused()
    {
        Should.Throw<ArgumentException>(() => new ExecutionOptions { MemoryBytes = 1024 }.Validate());
        Should.Throw<ArgumentException>(() => new ExecutionOptions { WallTimeout = TimeSpan.Zero }.Validate());
        Should.Throw<ArgumentException>(() => new ExecutionOptions { SandboxUserId = 0 }.Validate());
        new ExecutionOptions().Validate();
    }

    [Fact]
    public void The_cpu_limit_defaults_to_the_wall_timeout_rounded_up()
    {
        new ExecutionOptions { WallTimeout = TimeSpan.FromSeconds(2.5) }.EffectiveCpuSeconds.ShouldBe(3);
        new ExecutionOptions { WallTimeout = TimeSpan.FromSeconds(2.5), CpuSeconds = 1 }.EffectiveCpuSeconds.ShouldBe(1);
    }
}
