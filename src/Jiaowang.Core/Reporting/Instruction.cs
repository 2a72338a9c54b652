namespace Jiaowang.Core.Reporting;

/// <summary>
/// A leader's instruction (领导批示) on a report or a task, addressed to one unit, which must answer it (落实情况反馈).
/// The answer is given once and then kept as written, like everything else in the supervision record.
/// </summary>
public class Instruction
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public int? ReportId { get; set; }
    public int? TaskId { get; set; }
    public required string Text { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Answer { get; private set; }
    public string? AnsweredBy { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }

    public bool IsAnswered => Answer is not null;

    /// <returns>Null when answered; otherwise why not.</returns>
    public InstructionError? Reply(string answer, string by, DateTimeOffset at)
    {
        if (IsAnswered) return InstructionError.AlreadyAnswered;
        if (string.IsNullOrWhiteSpace(answer)) return InstructionError.AnswerRequired;
        Answer = answer.Trim();
        AnsweredBy = by;
        AnsweredAt = at;
        return null;
    }
}

public enum InstructionError
{
    AlreadyAnswered,
    AnswerRequired,
}
