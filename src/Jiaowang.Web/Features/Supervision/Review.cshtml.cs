using Jiaowang.Core.Reporting;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Supervision;

public sealed record QueueItem(int Id, int Version, string UnitName, string? TaskTitle, PeriodKind Kind, DateOnly PeriodStart, DateOnly Deadline,
    string Text, DateTimeOffset? SubmittedAt, string? ApprovedBy = null, DateTimeOffset? ApprovedAt = null);

/// <summary>The office's review queue (审核): submitted reports, oldest first; accept, or return with a comment.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class ReviewModel(JiaowangDb db, ReportActions actions, RichText richText) : PageModel
{
    public List<QueueItem> Queue { get; private set; } = [];
    public string? Problem { get; private set; }
    public string? Done { get; private set; }

    public string Show(string html) => richText.Clean(html);

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAcceptAsync(int id, int version, CancellationToken ct) =>
        await AfterAsync(await actions.AcceptAsync((await HttpContext.GetCallerAsync())!, id, version, ct), "accepted", ct);

    public async Task<IActionResult> OnPostReturnAsync(int id, int version, string? comment, CancellationToken ct) =>
        await AfterAsync(await actions.ReturnAsync((await HttpContext.GetCallerAsync())!, id, comment, version, ct), "returned", ct);

    async Task<IActionResult> AfterAsync(Outcome<Report> outcome, string done, CancellationToken ct)
    {
        if (outcome.Refusal is not { } refusal) return RedirectToPage(new { done });
        if (refusal.Kind == RefusalKind.NotFound) return NotFound();
        Problem = refusal.Message;
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var rows = await db.Reports.AsNoTracking().Where(r => r.State == ReportState.Submitted).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.Version, r.UnitId, r.TaskId, r.Period!.Kind, r.Period.Start, r.Period.Deadline, r.Text, r.SubmittedAt, r.ApprovedBy, r.ApprovedAt })
            .ToListAsync(ct);
        var unitIds = rows.Select(r => r.UnitId).Distinct().ToList();
        var taskIds = rows.Where(r => r.TaskId != null).Select(r => r.TaskId!.Value).Distinct().ToList();
        var units = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var tasks = await db.Tasks.Where(t => taskIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Number + ". " + t.Title, ct);
        Queue = rows.Select(r => new QueueItem(r.Id, r.Version, units[r.UnitId], r.TaskId is { } t ? tasks[t] : null, r.Kind, r.Start, r.Deadline, r.Text, r.SubmittedAt, r.ApprovedBy, r.ApprovedAt)).ToList();
    }
}
