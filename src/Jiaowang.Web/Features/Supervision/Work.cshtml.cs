using Jiaowang.Web.Shared.Access;
using System.ComponentModel.DataAnnotations;
using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Readings;
using Jiaowang.Web.Features.Targets;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Supervision;

/// <summary>One report the unit owes in an open period: for a task, or the unit's summary.</summary>
/// <param name="ExtendedTo">The unit's own due date when the office approved an extension (延期至 … 已批准).</param>
public sealed record ReportSlot(PeriodItem Period, int? TaskId, string? TaskTitle, int? ReportId, ReportState? State, bool Overdue, DateOnly? ExtendedTo = null);

/// <param name="Rate">A growth target: its reading is a change rate, which may be negative (同比下降3.5% → −3.5).</param>
/// <param name="Decline">A growth target that wants a decline (下降 3%).</param>
public sealed record AssignedTarget(int Id, string Metric, decimal Value, string Measure, decimal? Current, string Status, string StatusReason,
    bool Rate = false, bool Decline = false);

/// <summary>The liaison's workspace (联络员工作台): their unit's tasks, the reports owed, assigned targets, the inbox.</summary>
[ScopedTo(Scope.Self)]
[Authorize(Policy = Policies.Liaison)]
[KeptPages.Keep]
public sealed class WorkModel(JiaowangDb db, TimeProvider clock, IOptions<ReportingOptions> options, IStringLocalizer<ReportsText> text,
    IStringLocalizer<SharedResource> shared, AuditLog audit, Shared.Reporting.SupervisionCache kept, KeptPages pages) : PageModel
{
    public string UnitName { get; private set; } = "";
    public List<MyTask> Tasks { get; private set; } = [];
    public List<ReportSlot> Slots { get; private set; } = [];
    public List<AssignedTarget> Targets { get; private set; } = [];
    public string? Message { get; private set; }

    [BindProperty] public int TargetId { get; set; }
    [BindProperty, Required(ErrorMessage = "Reading.ValueRequired")] public decimal? Value { get; set; }
    [BindProperty, Required(ErrorMessage = "Reading.AsOfRequired")] public DateOnly? AsOf { get; set; }
    [BindProperty] public string? Source { get; set; }

    public async Task<IActionResult> OnGetAsync(bool recorded, CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem) return problem;
        if (recorded) Message = text["Reading.Recorded"];
        // The whole page, per reader, as long as what it shows is kept (until a write; keyed by unit, day and language).
        return (kept.Lifetime > TimeSpan.Zero ? pages.Find(HttpContext, shown!) : null) ?? Page();
    }

    public async Task<IActionResult> OnPostReadingAsync(CancellationToken ct)
    {
        if (await HttpContext.GetCallerAsync() is not { } caller) return Challenge();
        if (ModelState.IsValid)
        {
            var outcome = await ReadingsApi.RecordAsync(caller, TargetId, new NewReading(Value!.Value, AsOf!.Value, Source), db, audit, clock, text, ct);
            if (outcome.Succeeded) return RedirectToPage(new { recorded = true });
            if (outcome.Refusal!.Kind == RefusalKind.NotFound) return NotFound();
            foreach (var (field, messages) in outcome.Refusal.Errors ?? new Dictionary<string, string[]> { [""] = [outcome.Refusal.Message] })
                ModelState.AddModelError(field, messages[0]);
        }
        return await LoadAsync(ct) ?? Page();
    }

    Shown? shown;

    /// <summary>What the list shows: the unit's own, the same for each of its readers in one language on one day.</summary>
    sealed record Shown(string UnitName, List<MyTask> Tasks, List<ReportSlot> Slots, List<AssignedTarget> Targets);

    async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await HttpContext.GetCallerAsync() is not { UnitId: { } unitId }) return Forbid();
        var today = clock.Today();
        // A dozen queries or more (tasks, reports, each plan's periods, due dates and target states), kept until a write.
        shown = await kept.GetAsync(("work-page", unitId, today, System.Globalization.CultureInfo.CurrentUICulture.Name),
            () => ShownAsync(unitId, today, ct));
        (UnitName, Tasks, Slots, Targets) = (shown.UnitName, shown.Tasks, shown.Slots, shown.Targets);
        return null;
    }

    async Task<Shown> ShownAsync(int unitId, DateOnly today, CancellationToken ct)
    {
        var unitName = await db.Units.Where(u => u.Id == unitId).Select(u => u.Name).SingleAsync(ct);
        var tasks = await MyWorkApi.ForUnitAsync(db, unitId, today, options.Value, text, ct);
        List<ReportSlot> slots = [];
        List<AssignedTarget> targets = [];

        var reports = await db.Reports.AsNoTracking().Where(r => r.UnitId == unitId)
            .Select(r => new { r.Id, r.PeriodId, r.TaskId, r.State }).ToListAsync(ct);
        foreach (var planId in tasks.Select(t => t.PlanId).Distinct())
        {
            var periods = await Periods.ForPlanAsync(db, planId, options.Value, ct);
            var due = await DueDates.LoadAsync(db, periods.Select(p => p.Id).ToList(), ct);
            foreach (var period in periods.Where(p => p.IsOpen(today)).OrderByDescending(p => p.Deadline))
            {
                var owed = period.PerTask
                    ? tasks.Where(t => t.PlanId == planId).Select(t => ((int?)t.Id, (string?)$"{t.Number}. {t.Title}"))
                    : [(null, null)];
                foreach (var (taskId, title) in owed)
                {
                    var report = reports.FirstOrDefault(r => r.PeriodId == period.Id && r.TaskId == taskId);
                    var done = report?.State is ReportState.Submitted or ReportState.Accepted;
                    slots.Add(new ReportSlot(PeriodItem.From(period), taskId, title, report?.Id, report?.State, !done && today > due.Of(period, taskId, unitId),
                        due.IsExtended(period, taskId, unitId) ? due.Of(period, taskId, unitId) : null));
                }
            }
        }

        var assigned = await db.TargetUnits.AsNoTracking().Where(a => a.UnitId == unitId)
            .Join(db.Targets, a => a.TargetId, t => t.Id, (a, t) => new { t.Id, t.Metric, t.Value, t.Measure, t.Group!.PlanId }).ToListAsync(ct);
        foreach (var plan in assigned.GroupBy(t => t.PlanId))
        {
            var states = await TargetStates.ForPlanAsync(db, plan.Key, today, ct);
            targets.AddRange(plan.Select(t => new AssignedTarget(t.Id, t.Metric, t.Value, t.Measure, states[t.Id].Latest,
                StatusText.Code(states[t.Id].Assessment.Status), StatusText.Reason(shared, states[t.Id].Assessment),
                states[t.Id].Assessment.Kind == Jiaowang.Core.Progress.TargetKind.Growth, states[t.Id].Assessment.Decline)));
        }
        return new Shown(unitName, tasks, slots, targets);
    }
}
