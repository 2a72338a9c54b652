using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Supervision;

/// <summary>
/// A unit leader's approvals (审签): the unit's reports awaiting approval, approve or send back, and the unit's switch.
/// The office sees every unit's switch and what is waiting where, and can change the switches.
/// </summary>
[Authorize(Policy = Policies.ReadAll)]
public sealed class ApprovalsPageModel(JiaowangDb db, ReportApproval approval, RichText richText) : PageModel
{
    public List<AwaitingReport> Queue { get; private set; } = [];
    public List<UnitApproval> Units { get; private set; } = [];
    public bool IsOffice { get; private set; }
    public bool BoundToUnit { get; private set; }
    public string? Done { get; private set; }
    public string? Problem { get; private set; }

    public string Show(string html) => richText.Clean(html);

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostApproveAsync(int id, int version, CancellationToken ct) =>
        AfterAsync(async caller => (await approval.ApproveAsync(caller, id, version, ct)).Refusal, "approved", ct);

    public Task<IActionResult> OnPostSendBackAsync(int id, int version, string? comment, CancellationToken ct) =>
        AfterAsync(async caller => (await approval.SendBackAsync(caller, id, comment, version, ct)).Refusal, "sentBack", ct);

    public Task<IActionResult> OnPostSwitchAsync(int unitId, bool required, CancellationToken ct) =>
        AfterAsync(async caller => (await approval.SetRequiredAsync(caller, unitId, required, ct)).Refusal, "saved", ct);

    async Task<IActionResult> AfterAsync(Func<Caller, Task<Refusal?>> action, string done, CancellationToken ct)
    {
        if (await HttpContext.GetCallerAsync() is not { } caller) return Challenge();
        if (await action(caller) is not { } refusal) return RedirectToPage(new { done });
        if (refusal.Kind == RefusalKind.NotFound) return NotFound();
        Problem = refusal.Message;
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        IsOffice = caller.IsOffice;
        BoundToUnit = caller.LeadsUnitId is not null;
        Queue = await approval.AwaitingAsync(caller, ct);
        var units = db.Units.AsNoTracking();
        if (!IsOffice) units = units.Where(u => u.Id == caller.LeadsUnitId);
        Units = await units.OrderBy(u => u.Name).Select(u => new UnitApproval(u.Id, u.Name, u.LeaderApprovesReports)).ToListAsync(ct);
    }
}
