namespace Jiaowang.Core.Reporting;

/// <summary>A reminder (催办) to a unit: it lands in the unit's inbox and is emailed to its liaisons.</summary>
public class Reminder
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    /// <summary>The period it is about, when it is about one.</summary>
    public int? PeriodId { get; set; }
    public required string Text { get; set; }
    /// <summary>The office account that sent it, or "system" for the automatic ones.</summary>
    public required string SentBy { get; set; }
    public DateTimeOffset SentAt { get; set; }
    /// <summary>
    /// Set for automatic reminders only, as "auto:{period}:{unit}": unique, so the job never sends the same one twice,
    /// even when two instances run.
    /// </summary>
    public string? AutoKey { get; set; }
    /// <summary>The addresses the email went to, comma-separated; empty when the unit's liaisons have none.</summary>
    public string EmailedTo { get; set; } = "";
    /// <summary>Why the email could not be sent, when it could not; the inbox copy stands regardless.</summary>
    public string? EmailError { get; set; }

    public static string AutoKeyFor(int periodId, int unitId) => $"auto:{periodId}:{unitId}";
}
