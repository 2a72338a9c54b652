using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Notices;

/// <summary>The office issues a supervision notice to a unit.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class NoticeNewModel(JiaowangDb db, NoticeService notices, TimeProvider clock) : PageModel
{
    public List<(int Id, string Name)> Units { get; private set; } = [];
    [BindProperty] public int UnitId { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public DateOnly? RespondBy { get; set; }
    [BindProperty] public string? RelatesTo { get; set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync(int? unitId, string? relatesTo, CancellationToken ct)
    {
        UnitId = unitId ?? 0;
        RelatesTo = relatesTo;
        RespondBy = Core.Supervision.WorkingDays.Add(Shared.Clock.Today(clock), 5);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        var outcome = await notices.IssueAsync(new NewNotice(UnitId, Subject, RespondBy, RelatesTo), caller.UserName, ct: ct);
        if (outcome.Refusal is { } refusal)
        {
            Problems = refusal.Messages;
            await LoadAsync(ct);
            return Page();
        }
        return Redirect($"/notices/{outcome.Value!.Id}");
    }

    async Task LoadAsync(CancellationToken ct) =>
        Units = (await db.Units.AsNoTracking().OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
}
