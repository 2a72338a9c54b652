using Jiaowang.Core.Reporting;
using Jiaowang.Core.Supervision;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Shared.Reporting;

/// <summary>
/// A report's due date for one unit: the period's deadline, or the date of an extension the office approved for that
/// unit and that report (延期). The one place the override applies: <see cref="SupervisionState"/> (statuses, the overdue
/// list, reminders, the dashboard) and my work read their due dates from here.
/// </summary>
public sealed class DueDates
{
    readonly Dictionary<(int PeriodId, int? TaskId, int UnitId), DateOnly> extended;

    DueDates(Dictionary<(int, int?, int), DateOnly> extended) => this.extended = extended;

    public static DueDates None { get; } = new([]);

    public static async Task<DueDates> LoadAsync(JiaowangDb db, IReadOnlyCollection<int> periodIds, CancellationToken ct = default) =>
        periodIds.Count == 0 ? None : await LoadAsync(Approved(db).Where(e => periodIds.Contains(e.PeriodId!.Value)), ct);

    /// <summary>The extensions on every period of the plans, filtered through the period's plan (a few ids, not thousands).</summary>
    public static Task<DueDates> LoadForPlansAsync(JiaowangDb db, IReadOnlyCollection<int> planIds, CancellationToken ct = default) =>
        LoadAsync(Approved(db).Where(e => db.Periods.Any(p => p.Id == e.PeriodId && planIds.Contains(p.PlanId))), ct);

    static IQueryable<Extension> Approved(JiaowangDb db) =>
        db.Extensions.AsNoTracking().Where(e => e.State == RequestState.Approved && e.PeriodId != null);

    static async Task<DueDates> LoadAsync(IQueryable<Extension> approved, CancellationToken ct)
    {
        var rows = await approved.OrderBy(e => e.Id)
            .Select(e => new { PeriodId = e.PeriodId!.Value, e.TaskId, e.UnitId, e.Until }).ToListAsync(ct);
        var map = new Dictionary<(int, int?, int), DateOnly>();
        // The latest request approved wins.
        foreach (var r in rows) map[(r.PeriodId, r.TaskId, r.UnitId)] = r.Until;
        return new DueDates(map);
    }

    /// <summary>The due date of the report the unit owes in the period (for the task, or its summary when null).</summary>
    public DateOnly Of(ReportingPeriod period, int? taskId, int unitId) =>
        extended.TryGetValue((period.Id, period.PerTask ? taskId : null, unitId), out var until) ? until : period.Deadline;

    /// <summary>Whether the unit's due date was moved by an approved extension.</summary>
    public bool IsExtended(ReportingPeriod period, int? taskId, int unitId) => extended.ContainsKey((period.Id, period.PerTask ? taskId : null, unitId));
}
