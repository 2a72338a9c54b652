namespace Jiaowang.Core.Supervision;

/// <summary>
/// A supervision notice (督办单) to one unit, numbered per year without gaps (〔2026〕第 7 号). The unit answers (答复),
/// which asks to close it; the office verifies (复核) and closes it (办结销号) or reopens it with a comment.
/// </summary>
public class SupervisionNotice
{
    public int Id { get; set; }
    public int Year { get; set; }
    /// <summary>The number within the year; (Year, Sequence) is unique, so two offices issuing at once never share one.</summary>
    public int Sequence { get; set; }
    public int UnitId { get; set; }
    public int? PlanId { get; set; }
    public required string Subject { get; set; }
    public DateOnly RespondBy { get; set; }
    /// <summary>What it is about: <c>report:12</c>, <c>owed:{period}:{task}</c> (a report not written), <c>instruction:5</c>, <c>followUp:3</c>.</summary>
    public required string RelatesTo { get; set; }
    public NoticeColour Colour { get; set; }
    public NoticeStatus Status { get; set; }
    public required string IssuedBy { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    /// <summary>Set when the ladder issued it.</summary>
    public bool Automatic { get; set; }
    public string? Answer { get; set; }
    public string? AnsweredBy { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? VerifiedBy { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public int Version { get; set; }

    public string Number => NoticeRules.Number(Year, Sequence);
}

/// <summary>One line of an item's supervision history: a ladder step taken, a notice issued, answered, reopened, closed.</summary>
public class SupervisionEntry
{
    public long Id { get; set; }
    /// <summary>The item: <c>owed:{period}:{task}:{unit}</c>, <c>notice:7</c>, <c>instruction:5</c>, <c>task:3:{unit}</c>.</summary>
    public required string Item { get; set; }
    /// <summary>A ladder step's code (unique per item: the proof it runs once) or a notice action (issued, answered, reopened, closed).</summary>
    public required string Step { get; set; }
    /// <summary>Ladder steps only: the same as <see cref="Step"/>; null for actions, which may repeat. Unique with <see cref="Item"/>.</summary>
    public string? Once { get; set; }
    public int UnitId { get; set; }
    public int? NoticeId { get; set; }
    public required string Text { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>A unit's acknowledgement (签收) of something that reached it: a task, a supervision notice or an instruction.</summary>
public class Receipt
{
    public int Id { get; set; }
    /// <summary><c>task</c>, <c>notice</c> or <c>instruction</c>.</summary>
    public required string Kind { get; set; }
    public int ItemId { get; set; }
    public int UnitId { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }

    public static readonly string[] Kinds = ["task", "notice", "instruction"];
}

/// <summary>A plan's stored ladder settings (absent: <see cref="LadderSettings.Default"/>, from the day the plan was imported).</summary>
public class LadderSettingsRow
{
    public int PlanId { get; set; }
    public bool Enabled { get; set; } = true;
    public int ReceiptWorkingDays { get; set; } = 2;
    public int SecondAfter { get; set; } = 3;
    public int NoticeAfter { get; set; } = 5;
    public int BulletinAfter { get; set; } = 10;
    public int LeadersAfter { get; set; } = 15;
    public int NoticeRespondDays { get; set; } = 5;
    /// <summary>Deadlines before this day are not escalated: switching the ladder on does not flood units with notices for old arrears.</summary>
    public DateOnly StartsOn { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }

    public LadderSettings Settings => new(Enabled, ReceiptWorkingDays, SecondAfter, NoticeAfter, BulletinAfter, LeadersAfter, NoticeRespondDays);
}
