namespace Jiaowang.Core.Services;

public enum SignageStatus
{
    /// <summary>Received, not yet routed by the office.</summary>
    Received,
    /// <summary>Sent to the responsible unit.</summary>
    Routed,
    /// <summary>The unit answered (fixed, or why not).</summary>
    Answered,
}

/// <summary>A wrong or missing foreign-language sign (双语标识) reported by anyone, without an account.</summary>
public class SignageReport
{
    public int Id { get; set; }
    /// <summary>The number the reporter keeps to follow the report: <c>BS-</c> and 8 letters/digits.</summary>
    public required string Reference { get; set; }
    public required string Place { get; set; }
    public required string TextSeen { get; set; }
    public string? Suggested { get; set; }
    /// <summary>The photo with its metadata (EXIF, GPS) removed; JPEG or PNG.</summary>
    public byte[]? Photo { get; set; }
    public string? PhotoType { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public SignageStatus Status { get; set; }
    public int? UnitId { get; set; }
    public string? Answer { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    /// <summary>True when the unit says the sign was corrected: counts as resolved toward task 12.</summary>
    public bool Fixed { get; set; }
}
