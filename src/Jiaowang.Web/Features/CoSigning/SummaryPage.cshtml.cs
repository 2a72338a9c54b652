using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Supervision;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.CoSigning;

/// <summary>
/// The lead unit drafts a task's stage or final summary (/work/tasks/{taskId}/summary?periodId=) with its co-units'
/// reports beside the editor, then sends it for co-signing.
/// </summary>
[ScopedTo(Scope.Summary)]
[Authorize(Policy = Policies.Liaison)]
public sealed class SummaryDraftModel(SummaryActions actions, JiaowangDb db, RichText richText, TimeProvider clock) : PageModel
{
    public string Task { get; private set; } = "";
    public List<ReportingPeriod> SummaryPeriods { get; private set; } = [];
    public List<(ReportItem Report, string Unit, string Month)> CoReports { get; private set; } = [];
    public SummaryItem? Summary { get; private set; }
    [BindProperty(SupportsGet = true)] public int? PeriodId { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public int Version { get; set; }
    public string? Problem { get; private set; }

    public string Show(string html) => richText.Clean(html);

    public async Task<IActionResult> OnGetAsync(int taskId, CancellationToken ct) => await LoadAsync(taskId, ct) ?? Page();

    public async Task<IActionResult> OnPostSaveAsync(int taskId, bool send, CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        var existing = await db.TaskSummaries.Where(s => s.PlanTaskId == taskId && s.PeriodId == PeriodId && s.LeadUnitId == caller.UnitId).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
        var outcome = existing is { } id ? await actions.EditAsync(caller, id, Text, Version, ct) : await actions.CreateAsync(caller, taskId, PeriodId, Text, ct);
        if (outcome.Value is { } saved && send) outcome = await actions.SendAsync(caller, saved.Id, saved.Version, ct);
        if (outcome.Value is { } done) return Redirect($"/work/summaries/{done.Id}");
        if (outcome.Refusal!.Kind == RefusalKind.NotFound) return NotFound();
        Problem = outcome.Refusal.Message;
        return await LoadAsync(taskId, ct) ?? Page();
    }

    async Task<IActionResult?> LoadAsync(int taskId, CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        var team = await TaskTeam.LoadAsync(db, taskId, ct);
        if (team is null || !team.IsLead(caller.UnitId)) return NotFound();
        Task = team.Task;
        SummaryPeriods = await db.Periods.AsNoTracking().Where(p => p.PlanId == team.PlanId && p.Kind != PeriodKind.Monthly).OrderBy(p => p.Deadline).ToListAsync(ct);
        // The next summary due (its span holds the reports written so far), or the last one.
        var today = Shared.Clock.Today(clock);
        PeriodId ??= (SummaryPeriods.FirstOrDefault(p => p.Deadline >= today) ?? SummaryPeriods.LastOrDefault())?.Id;
        var reports = (await actions.CoReportsAsync(caller, taskId, PeriodId, ct)).Value ?? [];
        var names = team.Leads.Concat(team.Others).DistinctBy(o => o.UnitId).ToDictionary(o => o.UnitId, o => o.UnitName);
        var periodIds = reports.Select(r => r.PeriodId).Distinct().ToList();
        var months = await db.Periods.AsNoTracking().Where(p => periodIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Start.ToString("yyyy-MM"), ct);
        CoReports = reports.Select(r => (r, names.GetValueOrDefault(r.UnitId) ?? "", months[r.PeriodId])).ToList();
        var existing = await db.TaskSummaries.Include(s => s.Signatures).FirstOrDefaultAsync(s => s.PlanTaskId == taskId && s.PeriodId == PeriodId && s.LeadUnitId == caller.UnitId, ct);
        if (existing is not null)
        {
            Summary = await actions.ItemAsync(existing, ct);
            if (Problem is null) Text = existing.Text;
            Version = existing.Version;
        }
        return null;
    }
}
