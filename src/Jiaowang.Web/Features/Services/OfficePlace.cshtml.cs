using Jiaowang.Core.Services;
using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Services;

/// <summary>
/// Side-by-side editing of one place: the Chinese original on the left, the chosen language on the right (empty
/// fields fall back to the Chinese on the public page), publish/unpublish, preview, and the version history.
/// </summary>
[ScopedTo(Scope.ServiceCategory)]
[Authorize(Roles = Accounts.Roles.Office + "," + Accounts.Roles.Admin + "," + Accounts.Roles.Liaison)]
public sealed class OfficePlaceModel(JiaowangDb db, PlaceEditor editor, IOptions<PortalOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    /// <summary>The language edited on the right; Chinese edits the original (left) only.</summary>
    [BindProperty(SupportsGet = true)] public string? Lang { get; set; }
    [BindProperty] public PlaceForm Form { get; set; } = new();
    public Place Place { get; private set; } = null!;
    public PlaceTranslation? Translation { get; private set; }
    public IReadOnlyList<string> Languages => options.Value.Effective;
    public List<PlaceVersionItem> Versions { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public int? SavedVersion { get; private set; }

    public sealed class PlaceForm
    {
        public int Version { get; set; }
        public string? NameZh { get; set; }
        public string? AddressZh { get; set; }
        public string? HoursZh { get; set; }
        public string? ServicesZh { get; set; }
        public string? Phone { get; set; }
        public string? Languages { get; set; }
        public string? Website { get; set; }
        public string? Source { get; set; }
        public bool Confirmed { get; set; }
        public string? Name { get; set; }
        public string? Address { get; set; }
        public string? Hours { get; set; }
        public string? Services { get; set; }
    }

    async Task<bool> LoadAsync(CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        var place = await db.Places.AsNoTracking().Include(p => p.Translations).FirstOrDefaultAsync(p => p.Id == Id, ct);
        if (place is null || !(await editor.EditableAsync(caller, ct)).Contains(place.Category)) return false;
        Place = place;
        if (!options.Value.Supports(Lang) || Lang == PortalLanguages.Chinese) Lang = Languages.Skip(1).FirstOrDefault() ?? PortalLanguages.Chinese;
        Translation = place.Translations.FirstOrDefault(t => t.Lang == Lang);
        Versions = await editor.VersionsAsync(Id, ct);
        return true;
    }

    /// <summary>Just added from the office page: not public yet.</summary>
    public bool Added { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? saved, bool added, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        SavedVersion = saved;
        Added = added;
        Form = new PlaceForm
        {
            Version = Place.Version, NameZh = Place.NameZh, AddressZh = Place.AddressZh, HoursZh = Place.HoursZh, ServicesZh = Place.ServicesZh,
            Phone = Place.Phone, Languages = Place.Languages, Website = Place.Website, Source = Place.Source, Confirmed = Place.Confirmed,
            Name = Translation?.Name, Address = Translation?.Address, Hours = Translation?.Hours, Services = Translation?.Services,
        };
        return Page();
    }

    /// <summary>Saves both sides: the Chinese original, then the translation, each as its own version.</summary>
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var caller = (await HttpContext.GetCallerAsync())!;
        var f = Form;
        var zh = await editor.SaveAsync(caller, Id, new PlaceEdit(PortalLanguages.Chinese, f.Version, f.NameZh, f.AddressZh, f.HoursZh, f.ServicesZh,
            f.Phone, f.Languages, f.Website, f.Source, f.Confirmed), ct);
        var outcome = zh;
        if (zh.Succeeded && Lang != PortalLanguages.Chinese)
            outcome = await editor.SaveAsync(caller, Id, new PlaceEdit(Lang!, zh.Value!.Version, f.Name, f.Address, f.Hours, f.Services), ct);
        if (outcome.Refusal is { } refusal)
        {
            Response.StatusCode = refusal.Status;
            Problems = refusal.Messages;
            return Page();
        }
        return Redirect($"/services/office/places/{Id}?lang={Lang}&saved={outcome.Value!.Version}");
    }

    public async Task<IActionResult> OnPostPublishAsync(bool published, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var outcome = await editor.SetPublishedAsync((await HttpContext.GetCallerAsync())!, Id, published, ct);
        if (outcome.Refusal is { } refusal)
        {
            Response.StatusCode = refusal.Status;
            Problems = refusal.Messages;
            return Page();
        }
        return Redirect($"/services/office/places/{Id}?lang={Lang}&saved={outcome.Value!.Version}");
    }
}
