using PyGuard.Execution.Runtime;
using Shouldly;

namespace PyGuard.Execution.Tests.Runtime;

public sealed class StatusAndBufferTests
{
    [Fact]
    public void The_ready_report_names_the_layers_the_bootstrap_put_in_force()
    {
        var report = ReadyReport.Parse("ready rlimits=1 landlock=7 seccomp=1 audit=0")!;
        report.LandlockAbi.ShouldBe(7);
        report.Layers().ShouldBe([IsolationLayers.Rlimits, IsolationLayers.Landlock, IsolationLayers.Seccomp]);
    }

    [Fact]
    public void A_line_that_is_not_a_ready_report_is_ignored()
    {
        ReadyReport.Parse("memory").ShouldBeNull();
        ReadyReport.Parse("ready landlock=zero")!.Layers().ShouldBeEmpty();
    }

    [Fact]
    public void The_capped_buffer_keeps_the_first_bytes_and_notes_the_overflow()
    {
        var buffer = new CappedBuffer(5);
        buffer.Append("abc"u8);
        buffer.Overflowed.ShouldBeFalse();
        buffer.Append("defg"u8);
        buffer.Overflowed.ShouldBeTrue();
        buffer.Text().ShouldBe("abcde");
    }

    [Fact]
    public void A_character_cut_at_the_cap_becomes_a_replacement_character()
    {
        var buffer = new CappedBuffer(2);
        buffer.Append("é!"u8); // é is two bytes: the cap falls after it
        buffer.Text().ShouldBe("é");
        var cut = new CappedBuffer(1);
        cut.Append("é"u8);
        cut.Text().ShouldBe("\uFFFD");
    }
}
