using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiaowang.Web.Features.Units;

[Microsoft.AspNetCore.Authorization.AllowAnonymous]
[Shared.KeptPages.Keep]
public sealed class UnitModel(JiaowangDb db, SupervisionCache cache, Shared.KeptPages pages) : PageModel
{
    public UnitDetail Unit { get; private set; } = null!;
    /// <summary>The office sees the link to keep a group's members.</summary>
    public bool IsOffice { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        // What a unit leads, supports and owes through its group changes only with a write (an import, a revision, the
        // office's groups): kept until one, like the supervision panel below it (docs/PERFORMANCE.md, issue 16).
        if (await cache.GetAsync(("unit", id), () => UnitDetail.LoadAsync(db, id, ct)) is not { } unit) return NotFound();
        Unit = unit;
        IsOffice = unit.Members is not null && await HttpContext.GetCallerAsync() is { IsOffice: true };
        // For a signed-in reader, the whole page as long as this detail is kept (a write replaces it); per day, for the
        // supervision panel below it (docs/PERFORMANCE.md, "Signed-in pages", thirteenth round).
        return (cache.Lifetime > TimeSpan.Zero ? pages.Find(HttpContext, unit) : null) ?? Page();
    }
}
