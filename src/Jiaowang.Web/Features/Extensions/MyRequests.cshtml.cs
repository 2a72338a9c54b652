using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Extensions;

/// <summary>A liaison's requests (/work/requests): their unit's extensions and returns with the outcomes; ask for either here.</summary>
[ScopedTo(Scope.Self)]
[Authorize(Policy = Policies.Liaison)]
public sealed class MyRequestsModel(ExtensionActions extensions, ReturnActions returns, JiaowangDb db) : PageModel
{
    public List<ExtensionItem> Extensions { get; private set; } = [];
    public List<ReturnItem> Returns { get; private set; } = [];
    /// <summary>The unit's reports that can still be extended (drafts and returned ones).</summary>
    public List<(int Id, string Label)> OpenReports { get; private set; } = [];
    public List<(int Id, string Label)> NamedTasks { get; private set; } = [];
    public string? Problem { get; private set; }
    public bool Sent { get; private set; }

    public async Task OnGetAsync(bool sent, CancellationToken ct)
    {
        Sent = sent;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostExtensionAsync(int? reportId, DateOnly? until, string? reason, CancellationToken ct) =>
        await AfterAsync((await extensions.RequestAsync((await HttpContext.GetCallerAsync())!, reportId, null, until, reason, ct)).Refusal, ct);

    public async Task<IActionResult> OnPostReturnAsync(int? taskId, string? reason, CancellationToken ct) =>
        await AfterAsync((await returns.RequestAsync((await HttpContext.GetCallerAsync())!, taskId, reason, ct)).Refusal, ct);

    async Task<IActionResult> AfterAsync(Refusal? refusal, CancellationToken ct)
    {
        if (refusal is null) return RedirectToPage(new { sent = true });
        Problem = refusal.Message;
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        Extensions = await extensions.ListAsync(caller, null, ct: ct);
        Returns = await returns.ListAsync(caller, null, ct: ct);
        var open = await db.Reports.AsNoTracking().Where(r => r.UnitId == caller.UnitId
                && (r.State == Core.Reporting.ReportState.Draft || r.State == Core.Reporting.ReportState.Returned))
            .OrderBy(r => r.Period!.Deadline).Select(r => new { r.Id, r.Period!.Start, r.Period.Kind, Task = r.TaskId == null ? null : db.Tasks.Where(t => t.Id == r.TaskId).Select(t => t.Number + ". " + t.Title).FirstOrDefault() })
            .ToListAsync(ct);
        OpenReports = open.Select(r => (r.Id, $"{r.Start:yyyy-MM} · {r.Task ?? "—"}")).ToList();
        NamedTasks = (await db.Assignments.AsNoTracking().Where(a => a.UnitId == caller.UnitId).OrderBy(a => a.Task!.Number)
            .Select(a => new { a.PlanTaskId, a.Task!.Number, a.Task.Title }).ToListAsync(ct)).Select(t => (t.PlanTaskId, $"{t.Number}. {t.Title}")).ToList();
    }
}
