using PyGuard.Execution.Seccomp;
using PyGuard.Execution.Tests.Support;
using Shouldly;

namespace PyGuard.Execution.Tests.Seccomp;

public sealed class BpfAssemblerTests
{
    [Fact]
    public void Labels_resolve_to_forward_offsets()
    {
        var program = new BpfAssembler()
            .Load(0)
            .JumpIfEqual(7, "seven", "other")
            .Label("seven").Return(1)
            .Label("other").Return(2)
            .Assemble();
        program[1].JumpTrue.ShouldBe((byte)0);
        program[1].JumpFalse.ShouldBe((byte)1);
        BpfInterpreter.Run(program, 0, 7).ShouldBe(1u);
        BpfInterpreter.Run(program, 0, 8).ShouldBe(2u);
    }

    [Fact]
    public void A_backward_jump_is_refused()
    {
        var assembler = new BpfAssembler().Label("top").Load(0).JumpIfEqual(1, "top").Return(0);
        Should.Throw<InvalidOperationException>(() => assembler.Assemble()).Message.ShouldContain("top");
    }

    [Fact]
    public void An_undefined_label_is_refused()
    {
        var assembler = new BpfAssembler().Load(0).JumpIfEqual(1, "nowhere").Return(0);
        Should.Throw<InvalidOperationException>(() => assembler.Assemble()).Message.ShouldContain("nowhere");
    }

    [Fact]
    public void A_jump_longer_than_255_instructions_is_refused()
    {
        var assembler = new BpfAssembler().Load(0).JumpIfEqual(1, "far");
        for (var i = 0; i < 256; i++)
        {
            assembler.Return(0);
        }

        assembler.Label("far").Return(1);
        Should.Throw<InvalidOperationException>(() => assembler.Assemble());
    }
}
