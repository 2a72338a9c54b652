using Jiaowang.Core.Plans;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Plans;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Units;

/// <summary>The office keeps a group's member list and, for 各相关区人民政府, names the districts that report on each task.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class MembersModel(JiaowangDb db, UnitGroupActions actions) : PageModel
{
    public UnitDetail Unit { get; private set; } = null!;
    /// <summary>Units that may join: every unit that is not a group and not a member yet.</summary>
    public List<UnitRef> Addable { get; private set; } = [];
    /// <summary>The district list a 各相关区人民政府 chooses from.</summary>
    public List<UnitRef> Candidates { get; private set; } = [];
    public string? Problem { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, bool saved, CancellationToken ct)
    {
        Saved = saved;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostAddAsync(int id, int memberId, CancellationToken ct) =>
        DoAsync(id, caller => actions.AddMemberAsync(caller, id, memberId, ct), ct);

    public Task<IActionResult> OnPostRemoveAsync(int id, int memberId, CancellationToken ct) =>
        DoAsync(id, caller => actions.RemoveMemberAsync(caller, id, memberId, ct), ct);

    public Task<IActionResult> OnPostChooseAsync(int id, int taskId, int[] memberIds, CancellationToken ct) =>
        DoAsync(id, caller => actions.ChooseAsync(caller, taskId, id, memberIds, ct), ct);

    async Task<IActionResult> DoAsync(int id, Func<Caller, Task<Outcome<IReadOnlyList<UnitRef>>>> action, CancellationToken ct)
    {
        if (await HttpContext.GetCallerAsync() is not { } caller) return Forbid();
        var outcome = await action(caller);
        if (outcome.Succeeded) return RedirectToPage(new { id, saved = true });
        Problem = outcome.Refusal!.Message;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await UnitDetail.LoadAsync(db, id, ct) is not { } unit || unit.Members is null) return false;
        Unit = unit;
        var memberIds = unit.Members.Select(m => m.Id).ToList();
        Addable = await db.Units.AsNoTracking()
            .Where(u => u.Kind != UnitKind.Group && u.Kind != UnitKind.ChosenGroup && !memberIds.Contains(u.Id))
            .OrderBy(u => u.Kind == UnitKind.Body).ThenBy(u => u.Id).Select(u => new UnitRef(u.Id, u.Name)).ToListAsync(ct);
        Candidates = await actions.CandidatesAsync(ct);
        return true;
    }
}
