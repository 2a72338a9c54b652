namespace Jiaowang.Core.Plans;

/// <summary>Where a reading's value came from.</summary>
public enum ReadingOrigin
{
    /// <summary>Entered by a person: a liaison or the office.</summary>
    Manual = 0,
    /// <summary>Counted from the platform's own registry (partner cities, events), see Target.Binding.</summary>
    Registry = 1,
}

/// <summary>
/// One value reported for a target (指标填报), as of a date. Readings are never changed or deleted: a correction is
/// a new reading, so the history shows every value and where it came from.
/// </summary>
public class Reading
{
    public int Id { get; set; }
    public int TargetId { get; set; }
    public Target? Target { get; set; }
    /// <summary>The value in the target's unit as written (127 for 127 个, 1.2 for 1.2 万人).</summary>
    public decimal Value { get; set; }
    public DateOnly AsOf { get; set; }
    /// <summary>Evidence or source, as the reporter states it; for registry readings, what was counted.</summary>
    public required string Source { get; set; }
    public ReadingOrigin Origin { get; set; }
    /// <summary>Who recorded it: a user name, or "registry".</summary>
    public string? RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
