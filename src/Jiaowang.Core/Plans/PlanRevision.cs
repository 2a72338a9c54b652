namespace Jiaowang.Core.Plans;

/// <summary>
/// One revision (修订) applied to a plan: who applied it, when, from which document, and what it changed. The plan's
/// history lists these; the items it removed stay stored, archived.
/// </summary>
public class PlanRevision
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public DateTimeOffset AppliedAt { get; set; }
    public required string AppliedBy { get; set; }
    public required string SourceName { get; set; }
    public required string SourceHash { get; set; }
    /// <summary>"targets +1 ~0 -0; tasks +0 ~1 -0; units +0 ~0 -0; phases +0 ~0 -0".</summary>
    public required string Summary { get; set; }
    /// <summary>The changed, added and removed items, one per line: "Task Changed 5. 着力…".</summary>
    public required string Changes { get; set; }
}
