using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Plans;

/// <summary>
/// A plan's revisions (who applied which document when, and what it changed) and what they archived, with the
/// reports and readings those items still carry: archived items leave every current view but not the record.
/// </summary>
[Authorize(Policy = Policies.Office)]
public sealed class RevisionsModel(JiaowangDb db) : PageModel
{
    public int PlanId { get; private set; }
    public string PlanTitle { get; private set; } = "";
    public List<PlanRevision> History { get; private set; } = [];
    public List<ArchivedItem> Archived { get; private set; } = [];

    public sealed record ArchivedItem(RevisionPart Part, string Name, string Text, DateTimeOffset ArchivedAt, List<string> History);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Id, p.Title }).FirstOrDefaultAsync(ct);
        if (plan is null) return NotFound();
        (PlanId, PlanTitle) = (plan.Id, plan.Title);
        History = await db.PlanRevisions.AsNoTracking().Where(r => r.PlanId == id).OrderByDescending(r => r.Id).ToListAsync(ct);
        // SQLite cannot order by DateTimeOffset: revisions are applied in id order, archived items are sorted here.

        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var tasks = await db.Tasks.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.Group!.PlanId == id && t.ArchivedAt != null).OrderBy(t => t.Id).ToListAsync(ct);
        var taskIds = tasks.Select(t => (int?)t.Id).ToList();
        var reports = await db.Reports.AsNoTracking().Where(r => taskIds.Contains(r.TaskId))
            .Select(r => new { r.TaskId, r.UnitId, r.State, r.Text, r.Period!.Start }).ToListAsync(ct);
        Archived.AddRange(tasks.Select(t => new ArchivedItem(RevisionPart.Task, $"{t.Number}. {t.Title}", t.Text, t.ArchivedAt!.Value,
            reports.Where(r => r.TaskId == t.Id).OrderBy(r => r.Start)
                .Select(r => $"{r.Start:yyyy-MM} {units.GetValueOrDefault(r.UnitId)} {r.State}: {Shorten(r.Text)}").ToList())));

        var targets = await db.Targets.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.Group!.PlanId == id && t.ArchivedAt != null).Include(t => t.Readings).OrderBy(t => t.Id).ToListAsync(ct);
        Archived.AddRange(targets.Select(t => new ArchivedItem(RevisionPart.Target, t.Metric, t.Text, t.ArchivedAt!.Value,
            t.Readings.OrderBy(r => r.AsOf).Select(r => $"{r.AsOf:yyyy-MM-dd} {r.Value:0.####} {t.Measure} ({r.RecordedBy})").ToList())));

        var phases = await db.Phases.IgnoreQueryFilters().AsNoTracking().Where(p => p.PlanId == id && p.ArchivedAt != null).ToListAsync(ct);
        Archived.AddRange(phases.Select(p => new ArchivedItem(RevisionPart.Phase, p.Name, $"{p.StartMonth:yyyy-MM}–{p.EndMonth:yyyy-MM} {p.Description}", p.ArchivedAt!.Value, [])));
        Archived = Archived.OrderBy(a => a.ArchivedAt).ToList();
        return Page();
    }

    static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
