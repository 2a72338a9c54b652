using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Leadership;

/// <summary>The plan's leading group: read by every signed-in user, kept by the office (add, change, remove, order).</summary>
[Authorize]
[ScopedTo(Scope.Plan)]
public sealed class LeadingGroupPageModel(JiaowangDb db, LeadingGroup group) : PageModel
{
    public int PlanId { get; private set; }
    public string PlanTitle { get; private set; } = "";
    public List<LeadingGroupItem> Members { get; private set; } = [];
    public List<(int Id, string Name)> Units { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public string? Problem { get; private set; }
    public bool Saved { get; private set; }
    public static IReadOnlyList<LeadingGroupPost> Posts { get; } = Enum.GetValues<LeadingGroupPost>();

    public async Task<IActionResult> OnGetAsync(int id, bool saved, CancellationToken ct)
    {
        Saved = saved;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostAddAsync(int id, LeadingGroupInput input, CancellationToken ct) =>
        AfterAsync(id, async caller => (await group.AddAsync(caller, id, input, ct)).Refusal, ct);

    public Task<IActionResult> OnPostSaveAsync(int id, int memberId, LeadingGroupInput input, CancellationToken ct) =>
        AfterAsync(id, async caller => (await group.EditAsync(caller, memberId, input, ct)).Refusal, ct);

    public Task<IActionResult> OnPostRemoveAsync(int id, int memberId, CancellationToken ct) =>
        AfterAsync(id, async caller => (await group.RemoveAsync(caller, memberId, ct)).Refusal, ct);

    public Task<IActionResult> OnPostMoveAsync(int id, int memberId, int by, CancellationToken ct) =>
        AfterAsync(id, async caller => (await group.MoveAsync(caller, memberId, Math.Sign(by), ct)).Refusal, ct);

    async Task<IActionResult> AfterAsync(int id, Func<Caller, Task<Refusal?>> action, CancellationToken ct)
    {
        if (await HttpContext.GetCallerAsync() is not { } caller) return Challenge();
        if (!caller.IsOffice) return Forbid();
        if (await action(caller) is not { } refusal) return RedirectToPage(new { id, saved = true });
        if (refusal.Kind == RefusalKind.NotFound) return NotFound();
        Problem = refusal.Message;
        await LoadAsync(id, ct);
        return Page();
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var title = await db.Plans.Where(p => p.Id == id).Select(p => p.Title).FirstOrDefaultAsync(ct);
        if (title is null) return false;
        (PlanId, PlanTitle) = (id, title);
        Members = (await group.ListAsync(id, ct)).Value ?? [];
        CanEdit = (await HttpContext.GetCallerAsync())?.IsOffice == true;
        if (CanEdit) Units = (await db.Units.AsNoTracking().OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
        return true;
    }
}
