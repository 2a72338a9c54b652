using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Portfolio;

/// <summary>A plan in the picker.</summary>
public sealed record PlanOption(int Id, string Title, string Lifecycle);

/// <summary>
/// The plan an office page shows, in one place: the plan named in the request, else the one the user last chose
/// (remembered in a cookie), else the newest. Pages render <c>_PlanPicker</c> with <see cref="OptionsAsync"/> to switch.
/// </summary>
public static class PlanChoice
{
    public const string Cookie = "jiaowang-plan";

    /// <summary>The plan to show; remembers an explicit choice for the next office page.</summary>
    public static async Task<int?> ResolveAsync(HttpContext http, JiaowangDb db, int? requested, CancellationToken ct = default) =>
        Resolve(http, await OptionsAsync(db, ct), requested);

    /// <summary>The same choice made from the plans the picker lists (newest first), without a query.</summary>
    public static int? Resolve(HttpContext http, IReadOnlyList<PlanOption> plans, int? requested)
    {
        if (requested is { } asked && plans.Any(p => p.Id == asked)) return Remember(http, asked);
        if (requested is not null) return requested;
        if (int.TryParse(http.Request.Cookies[Cookie], out var remembered) && plans.Any(p => p.Id == remembered)) return remembered;
        return plans.Count == 0 ? null : plans[0].Id;
    }

    static int Remember(HttpContext http, int planId)
    {
        http.Response.Cookies.Append(Cookie, planId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new CookieOptions { HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(180), IsEssential = true });
        return planId;
    }

    /// <summary>
    /// Every plan, newest first. Kept until a write where a cache is given (the dashboard reads it per request); the
    /// database context is asked for only when the list has to be read.
    /// </summary>
    public static Task<IReadOnlyList<PlanOption>> OptionsAsync(Func<JiaowangDb> db, Shared.Reporting.SupervisionCache kept, CancellationToken ct = default) =>
        kept.GetAsync<IReadOnlyList<PlanOption>>("plan-options", () => OptionsAsync(db(), ct));

    public static async Task<IReadOnlyList<PlanOption>> OptionsAsync(JiaowangDb db, CancellationToken ct = default) =>
        (await db.Plans.AsNoTracking().OrderByDescending(p => p.Id).Select(p => new { p.Id, p.Title, p.Lifecycle }).ToListAsync(ct))
            .Select(p => new PlanOption(p.Id, p.Title, Plans.PlanLifecycles.Code(p.Lifecycle))).ToList();
}
