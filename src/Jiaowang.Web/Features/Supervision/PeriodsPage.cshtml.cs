using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Supervision;

/// <summary>The office reads the reporting periods derived from the plan's phases and moves a deadline when needed.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class PeriodsPageModel(JiaowangDb db, AuditLog audit, IOptions<ReportingOptions> options, IStringLocalizer<ReportsText> text) : PageModel
{
    public List<PeriodItem> Periods { get; private set; } = [];
    public int? PlanId { get; private set; }
    public IReadOnlyList<Portfolio.PlanOption> PlanOptions { get; private set; } = [];
    public string? Problem { get; private set; }
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, int? planId, CancellationToken ct)
    {
        Saved = saved;
        return await LoadAsync(ct, planId) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(int periodId, DateOnly? deadline, CancellationToken ct)
    {
        var period = await db.Periods.FirstOrDefaultAsync(p => p.Id == periodId, ct);
        if (period is null) return NotFound();
        if (deadline is not { } day || day < period.Start)
        {
            Problem = text["Period.BadDeadline"];
            await LoadAsync(ct);
            return Page();
        }
        var before = PeriodItem.From(period);
        period.Deadline = day;
        await audit.SaveAsync(db, (await HttpContext.GetCallerAsync())!.UserName, () => [new AuditRecord("Period", periodId.ToString(), "edit", before, PeriodItem.From(period))], ct);
        return RedirectToPage(new { saved = true });
    }

    async Task<bool> LoadAsync(CancellationToken ct, int? requested = null)
    {
        var planId = PlanId = await Portfolio.PlanChoice.ResolveAsync(HttpContext, db, requested, ct);
        PlanOptions = await Portfolio.PlanChoice.OptionsAsync(db, ct);
        if (planId is null) return false;
        Periods = (await Shared.Reporting.Periods.ForPlanAsync(db, planId.Value, options.Value, ct)).Select(PeriodItem.From).ToList();
        return true;
    }
}
