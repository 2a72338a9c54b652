using Jiaowang.Core.Supervision;
using Jiaowang.Web.Features.Accounts;
using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Extensions;

/// <summary>The office's requests (/office/requests): extensions and returns waiting for a decision, sortable; decided ones below.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class RequestsModel(ExtensionActions extensions, ReturnActions returns, JiaowangDb db) : PageModel
{
    public List<ExtensionItem> Extensions { get; private set; } = [];
    public List<ReturnItem> Returns { get; private set; } = [];
    public List<(int Id, string Name)> Units { get; private set; } = [];
    public string Sort { get; private set; } = "requested";
    public string? Problem { get; private set; }
    public string? Done { get; private set; }

    public static readonly string[] Sorts = ["requested", "unit", "until"];

    public async Task OnGetAsync(string? sort, string? done, CancellationToken ct)
    {
        Done = done;
        await LoadAsync(sort, ct);
    }

    public async Task<IActionResult> OnPostExtensionAsync(int id, string decision, string? note, CancellationToken ct) =>
        await AfterAsync((await extensions.DecideAsync((await HttpContext.GetCallerAsync())!, id, decision == "approve", note, ct)).Refusal, ct);

    public async Task<IActionResult> OnPostReturnAsync(int id, string decision, int? toUnitId, string? note, CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        var outcome = decision == "reassign" ? await returns.ReassignAsync(caller, id, toUnitId, note, ct) : await returns.RefuseAsync(caller, id, note, ct);
        return await AfterAsync(outcome.Refusal, ct);
    }

    async Task<IActionResult> AfterAsync(Refusal? refusal, CancellationToken ct)
    {
        if (refusal is null) return RedirectToPage(new { done = "decided" });
        if (refusal.Kind == RefusalKind.NotFound) return NotFound();
        Problem = refusal.Message;
        await LoadAsync(null, ct);
        return Page();
    }

    async Task LoadAsync(string? sort, CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        Sort = Sorts.Contains(sort) ? sort! : "requested";
        var all = await extensions.ListAsync(caller, null, ct: ct);
        Extensions = (Sort switch
        {
            "unit" => all.OrderBy(e => e.State != "pending").ThenBy(e => e.UnitName, StringComparer.Ordinal).ThenBy(e => e.Id),
            "until" => all.OrderBy(e => e.State != "pending").ThenBy(e => e.Until).ThenBy(e => e.Id),
            _ => all.OrderBy(e => e.State != "pending").ThenBy(e => e.Id),
        }).ToList();
        Returns = (await returns.ListAsync(caller, null, ct: ct)).OrderBy(r => r.State != "pending").ThenBy(r => r.Id).ToList();
        Units = (await db.Units.AsNoTracking().Where(u => u.Kind != Core.Plans.UnitKind.Group && u.Kind != Core.Plans.UnitKind.ChosenGroup)
            .OrderBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
    }
}
