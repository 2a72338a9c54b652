namespace Jiaowang.Core.Plans;

/// <summary>
/// What anonymous visitors see of a plan (公开范围), chosen by the office. The plan's text — targets as written, tasks,
/// units, phases — is always public: it is a published government document. What is chosen here are the figures the
/// supervision adds to it. A plan without a row publishes everything, as the platform did before the office had a say.
/// </summary>
public class PlanPublication
{
    public int PlanId { get; set; }
    /// <summary>The latest reported value of each target (当前值) and its date.</summary>
    public bool ShowsValues { get; set; } = true;
    /// <summary>Each target's red/yellow/green status (进度状态) and the reason written with it.</summary>
    public bool ShowsStatuses { get; set; } = true;
    /// <summary>International events that have not started yet (visits, exhibitions announced ahead).</summary>
    public bool ShowsUpcomingEvents { get; set; } = true;
    public string? UpdatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Everything published: the choice for a plan the office has not decided on.</summary>
    public static PlanPublication Everything(int planId) => new() { PlanId = planId };

    public bool HidesSomething => !ShowsValues || !ShowsStatuses || !ShowsUpcomingEvents;
}
