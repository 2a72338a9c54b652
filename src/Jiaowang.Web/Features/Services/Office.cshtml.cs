using Jiaowang.Core.Services;
using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Services;

public sealed record OfficePlaceRow(int Id, string Category, string NameZh, bool Published, bool Confirmed, int Version, IReadOnlyDictionary<string, bool> Translated);
public sealed record OfficeGuideRow(int Id, string Category, string TitleZh, bool Published, IReadOnlyDictionary<string, bool> Translated);
public sealed record CoverageRow(string Lang, double Places, double Guides);

/// <summary>
/// The portal's back office: translation coverage per language, which unit keeps which category, the places the caller
/// may edit, and the signage reports (the office routes them; the unit answers its own).
/// </summary>
[ScopedTo(Scope.ServiceCategory)]
[Authorize(Roles = Accounts.Roles.Office + "," + Accounts.Roles.Admin + "," + Accounts.Roles.Liaison)]
public sealed class OfficeModel(JiaowangDb db, PlaceEditor editor, SignageDesk desk, GuideLibrary guides, IOptions<PortalOptions> options) : PageModel
{
    public bool IsOffice { get; private set; }
    public IReadOnlyList<string> Languages => options.Value.Effective;
    public List<CoverageRow> Coverage { get; } = [];
    public List<OfficePlaceRow> Places { get; private set; } = [];
    public List<OfficeGuideRow> Guides { get; private set; } = [];
    public Dictionary<PlaceCategory, int> Owners { get; private set; } = [];
    public List<(int Id, string Name)> Units { get; private set; } = [];
    /// <summary>The categories the caller may add places to (the add form's choices).</summary>
    public List<PlaceCategory> Addable { get; private set; } = [];
    public List<SignageCase> Reports { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        await LoadAsync(caller, ct);
        return Page();
    }

    async Task LoadAsync(Caller caller, CancellationToken ct)
    {
        IsOffice = caller.IsOffice;
        var editable = await editor.EditableAsync(caller, ct);
        Addable = Enum.GetValues<PlaceCategory>().Where(editable.Contains).ToList();
        var places = await db.Places.AsNoTracking().Include(p => p.Translations).OrderBy(p => p.Category).ThenBy(p => p.Id).ToListAsync(ct);
        var allGuides = await guides.AllAsync(includeUnpublished: true, ct);
        foreach (var lang in Languages) Coverage.Add(new CoverageRow(lang, PortalLanguages.Coverage(places, lang), GuideLibrary.Coverage(allGuides, lang)));
        Guides = allGuides.Where(g => editable.Contains(g.Category)).Select(g => new OfficeGuideRow(g.Id, PlaceQuery.Code(g.Category),
            g.Texts[PortalLanguages.Chinese].Title ?? g.Slug, g.Published, Languages.ToDictionary(l => l, l => g.Coverage(l) is var c && c.Done >= c.Total))).ToList();
        Places = places.Where(p => editable.Contains(p.Category)).Select(p => new OfficePlaceRow(p.Id, PlaceQuery.Code(p.Category), p.NameZh, p.Published, p.Confirmed, p.Version,
            Languages.ToDictionary(l => l, l => PortalLanguages.Coverage([p], l) >= 1))).ToList();
        Owners = await db.ServiceCategoryUnits.AsNoTracking().ToDictionaryAsync(c => c.Category, c => c.UnitId, ct);
        Units = (await db.Units.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct)).Select(u => (u.Id, u.Name)).ToList();
        Reports = await desk.CasesAsync(caller, ct);
    }

    async Task<IActionResult> AfterAsync<T>(Outcome<T> outcome, CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        if (outcome.Refusal is { } refusal)
        {
            Response.StatusCode = refusal.Status;
            Problems = refusal.Messages;
            await LoadAsync(caller, ct);
            return Page();
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAssignAsync(string category, int? unitId, CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        if (!PlaceQuery.TryCategory(category, out var c)) return BadRequest();
        return await AfterAsync(await editor.AssignAsync(caller, c, unitId, ct), ct);
    }

    public async Task<IActionResult> OnPostAddAsync(string? category, string? nameZh, string? district, CancellationToken ct)
    {
        var outcome = await editor.AddAsync((await HttpContext.GetCallerAsync())!, category, nameZh, district, ct);
        if (outcome.Value is { } added) return Redirect($"/services/office/places/{added.Id}?added=true");
        return await AfterAsync(outcome, ct);
    }

    public async Task<IActionResult> OnPostRouteAsync(int id, int unitId, CancellationToken ct) =>
        await AfterAsync(await desk.RouteAsync((await HttpContext.GetCallerAsync())!, id, unitId, ct), ct);

    public async Task<IActionResult> OnPostAnswerAsync(int id, string? answer, bool isFixed, CancellationToken ct) =>
        await AfterAsync(await desk.AnswerAsync((await HttpContext.GetCallerAsync())!, id, answer, isFixed, ct), ct);
}
