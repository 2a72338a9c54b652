using Jiaowang.Core.Meetings;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Meetings;

public sealed record MeetingRow(int Id, MeetingKind Kind, string Title, DateOnly HeldOn, string? Place, int Decisions, int Open);

/// <summary>The meetings and inspections of a plan, newest first, for the office and leaders.</summary>
[Authorize(Policy = Policies.ReadAll)]
public sealed class MeetingsModel(JiaowangDb db) : PageModel
{
    public const int PageSize = 20;

    public int? PlanId { get; private set; }
    public IReadOnlyList<Portfolio.PlanOption> PlanOptions { get; private set; } = [];
    public string? Kind { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int Pages { get; private set; } = 1;
    public int Total { get; private set; }
    public List<MeetingRow> Meetings { get; private set; } = [];

    public async Task OnGetAsync(int? planId, string? kind, int page = 1, CancellationToken ct = default)
    {
        PlanId = await Portfolio.PlanChoice.ResolveAsync(HttpContext, db, planId, ct);
        PlanOptions = await Portfolio.PlanChoice.OptionsAsync(db, ct);
        var parsed = MeetingInput.ParseKind(kind);
        Kind = parsed is { } k ? MeetingInput.KindCode(k) : null;
        var query = db.Meetings.AsNoTracking().Where(m => m.PlanId == PlanId);
        if (parsed is { } kk) query = query.Where(m => m.Kind == kk);
        Total = await query.CountAsync(ct);
        Pages = Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(page, 1, Pages);
        Meetings = await query.OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(m => new MeetingRow(m.Id, m.Kind, m.Title, m.HeldOn, m.Place, m.FollowUps.Count, m.FollowUps.Count(f => f.State == FollowUpState.Open)))
            .ToListAsync(ct);
    }

    public string PageHref(int page) => $"/meetings?planId={PlanId}{(Kind is null ? "" : "&kind=" + Kind)}&page={page}";
}
