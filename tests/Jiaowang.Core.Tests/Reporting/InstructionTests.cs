using Jiaowang.Core.Reporting;

namespace Jiaowang.Core.Tests.Reporting;

public sealed class InstructionTests
{
    static readonly DateTimeOffset Now = new(2026, 6, 15, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_unit_answers_an_instruction_once_and_the_answer_is_kept_as_written()
    {
        var instruction = new Instruction { UnitId = 3, ReportId = 7, Text = "请加快推进新航线开通", By = "leader", At = Now };

        Assert.Equal(InstructionError.AnswerRequired, instruction.Reply("  ", "liaison", Now));
        Assert.Null(instruction.Reply("已与航司对接，7 月开通", "liaison", Now));
        Assert.Equal(InstructionError.AlreadyAnswered, instruction.Reply("改写", "liaison", Now));
        Assert.Equal("已与航司对接，7 月开通", instruction.Answer);
        Assert.True(instruction.IsAnswered);
    }
}
