using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiaowang.Web.Features.Units;

[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class UnitModel(JiaowangDb db) : PageModel
{
    public UnitDetail Unit { get; private set; } = null!;
    /// <summary>The office sees the link to keep a group's members.</summary>
    public bool IsOffice { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await UnitDetail.LoadAsync(db, id, ct) is not { } unit) return NotFound();
        Unit = unit;
        IsOffice = unit.Members is not null && await HttpContext.GetCallerAsync() is { IsOffice: true };
        return Page();
    }
}
