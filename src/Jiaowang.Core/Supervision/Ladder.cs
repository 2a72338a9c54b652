namespace Jiaowang.Core.Supervision;

/// <summary>The steps of the escalation ladder (督办升级), in order.</summary>
public enum LadderStep
{
    /// <summary>签收超时: an item that reached the unit was not acknowledged within the working days allowed.</summary>
    Unacknowledged,
    /// <summary>截止前提醒: the reminder before the deadline (sent by the automatic reminders, as before the ladder).</summary>
    Before,
    /// <summary>到期催办: on the deadline day.</summary>
    DueDay,
    /// <summary>二次催办: some working days late, to the unit's leader too.</summary>
    SecondReminder,
    /// <summary>督办单: a supervision notice issued to the unit.</summary>
    Notice,
    /// <summary>通报: named in the next bulletin.</summary>
    Bulletin,
    /// <summary>领导关注: on the leaders' dashboard.</summary>
    Leaders,
    /// <summary>督办单逾期未答复: a notice's respond-by day passed unanswered; named in the next bulletin and on the leaders' dashboard.</summary>
    NoticeOverdue,
}

/// <summary>A plan's ladder settings; the defaults are those documented in docs/SUPERVISION.md ("Ladder").</summary>
/// <param name="ReceiptWorkingDays">Working days a unit has to acknowledge (签收) a task, notice or instruction.</param>
/// <param name="SecondAfter">Working days late before the second reminder (二次催办).</param>
/// <param name="NoticeAfter">Working days late before a supervision notice is issued.</param>
/// <param name="BulletinAfter">Working days late before the unit is named in the bulletin (通报).</param>
/// <param name="LeadersAfter">Working days late before the item shows on the leaders' dashboard.</param>
/// <param name="NoticeRespondDays">Working days the unit has to answer an automatic notice.</param>
public sealed record LadderSettings(bool Enabled = true, int ReceiptWorkingDays = 2, int SecondAfter = 3, int NoticeAfter = 5,
    int BulletinAfter = 10, int LeadersAfter = 15, int NoticeRespondDays = 5)
{
    public static readonly LadderSettings Default = new();

    /// <returns>Null when the settings are consistent; otherwise the name of the first field that is not.</returns>
    public string? Problem()
    {
        if (ReceiptWorkingDays is < 1 or > 60) return nameof(ReceiptWorkingDays);
        if (SecondAfter is < 1 or > 60) return nameof(SecondAfter);
        if (NoticeAfter < SecondAfter || NoticeAfter > 90) return nameof(NoticeAfter);
        if (BulletinAfter < NoticeAfter || BulletinAfter > 120) return nameof(BulletinAfter);
        if (LeadersAfter < BulletinAfter || LeadersAfter > 180) return nameof(LeadersAfter);
        if (NoticeRespondDays is < 1 or > 60) return nameof(NoticeRespondDays);
        return null;
    }
}

public static class Ladder
{
    /// <summary>
    /// The steps an owed item has reached on <paramref name="today"/>, given its deadline, in ladder order (the before
    /// step is not included: the automatic reminders send it). Every step reached is returned, so a job that missed a
    /// day still takes each step once, in order.
    /// </summary>
    public static IReadOnlyList<LadderStep> Reached(DateOnly deadline, DateOnly today, LadderSettings settings)
    {
        if (!settings.Enabled || today < deadline) return [];
        var late = WorkingDays.Between(deadline, today);
        var steps = new List<LadderStep> { LadderStep.DueDay };
        if (late >= settings.SecondAfter) steps.Add(LadderStep.SecondReminder);
        if (late >= settings.NoticeAfter) steps.Add(LadderStep.Notice);
        if (late >= settings.BulletinAfter) steps.Add(LadderStep.Bulletin);
        if (late >= settings.LeadersAfter) steps.Add(LadderStep.Leaders);
        return steps;
    }

    /// <summary>Whether an item that reached the unit at <paramref name="arrived"/> and is still unacknowledged is overdue for receipt.</summary>
    public static bool ReceiptOverdue(DateOnly arrived, DateOnly today, LadderSettings settings) =>
        settings.Enabled && WorkingDays.Between(arrived, today) >= settings.ReceiptWorkingDays;

    /// <summary>Whether a notice still waiting for its answer has passed its respond-by day (the day itself is still in time).</summary>
    public static bool NoticeOverdue(NoticeStatus status, DateOnly respondBy, DateOnly today, LadderSettings settings) =>
        settings.Enabled && status == NoticeStatus.Open && today > respondBy;

    public static string Code(LadderStep step) => step switch
    {
        LadderStep.Unacknowledged => "unacknowledged",
        LadderStep.Before => "before",
        LadderStep.DueDay => "dueDay",
        LadderStep.SecondReminder => "second",
        LadderStep.Notice => "notice",
        LadderStep.Bulletin => "bulletin",
        LadderStep.NoticeOverdue => "noticeOverdue",
        _ => "leaders",
    };

    public static string NameZh(LadderStep step) => step switch
    {
        LadderStep.Unacknowledged => "签收超时提醒",
        LadderStep.Before => "截止前提醒",
        LadderStep.DueDay => "到期催办",
        LadderStep.SecondReminder => "二次催办",
        LadderStep.Notice => "下发督办单",
        LadderStep.Bulletin => "通报",
        LadderStep.NoticeOverdue => "督办单逾期未答复",
        _ => "报领导关注",
    };

    public static string NameEn(LadderStep step) => step switch
    {
        LadderStep.Unacknowledged => "Not acknowledged",
        LadderStep.Before => "Reminder before the deadline",
        LadderStep.DueDay => "Due today",
        LadderStep.SecondReminder => "Second reminder",
        LadderStep.Notice => "Supervision notice",
        LadderStep.Bulletin => "Named in the bulletin",
        LadderStep.NoticeOverdue => "Supervision notice not answered in time",
        _ => "On the leaders' dashboard",
    };
}
