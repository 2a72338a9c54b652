using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Notices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Escalation;

/// <summary>The office sets the plan's escalation ladder: the working days before each step.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class LadderPageModel(JiaowangDb db, AuditLog audit, TimeProvider clock, IStringLocalizer<NoticesText> text) : PageModel
{
    [BindProperty] public LadderSettingsItem Settings { get; set; } = null!;
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public bool Saved { get; private set; }

    public IReadOnlyList<Portfolio.PlanOption> PlanOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(bool saved, int? planId, CancellationToken ct)
    {
        Saved = saved;
        planId = await Portfolio.PlanChoice.ResolveAsync(HttpContext, db, planId, ct);
        PlanOptions = await Portfolio.PlanChoice.OptionsAsync(db, ct);
        if (planId is null) return NotFound();
        Settings = LadderSettingsItem.From(await LadderService.SettingsAsync(db, planId.Value, Shared.Clock.Today(clock), ct));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        var outcome = await EscalationApi.SaveAsync(db, audit, clock, text, Settings.PlanId, Settings, caller.UserName, ct);
        if (outcome.Refusal is { } refusal)
        {
            if (refusal.Kind == Shared.Access.RefusalKind.NotFound) return NotFound();
            Problems = refusal.Messages;
            return Page();
        }
        return Redirect($"/office/ladder?saved=true&planId={Settings.PlanId}");
    }
}
