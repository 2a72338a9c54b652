using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Meetings;

/// <summary>One meeting as minutes (会议纪要): who, when, where, and each decision with its owner, deadline and status.</summary>
[Authorize(Policy = Policies.ReadAll)]
public sealed class MeetingModel(JiaowangDb db, MeetingActions actions) : PageModel
{
    public MeetingItem Meeting { get; private set; } = null!;
    public string PlanTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.FollowUps).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return NotFound();
        PlanTitle = await db.Plans.Where(p => p.Id == meeting.PlanId).Select(p => p.Title).FirstAsync(ct);
        Meeting = MeetingItem.From(meeting, await actions.UnitNamesAsync(meeting.FollowUps.Select(f => f.UnitId), ct), actions.Today);
        return Page();
    }
}
