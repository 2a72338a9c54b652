using Jiaowang.Core.Services;
using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Services;

/// <summary>
/// Side-by-side editing of one guide, as for a place: the Chinese original on the left, the chosen language on the right
/// (what to bring and the steps one item a line), publish/unpublish, preview, and the version history.
/// </summary>
[ScopedTo(Scope.ServiceCategory)]
[Authorize(Roles = Accounts.Roles.Office + "," + Accounts.Roles.Admin + "," + Accounts.Roles.Liaison)]
public sealed class OfficeGuideModel(JiaowangDb db, GuideEditor editor, IOptions<PortalOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lang { get; set; }
    [BindProperty] public GuideForm Form { get; set; } = new();
    public ServiceGuide Guide { get; private set; } = null!;
    public IReadOnlyList<string> Languages => options.Value.Effective;
    public List<PlaceVersionItem> Versions { get; private set; } = [];
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public int? SavedVersion { get; private set; }
    public string TitleZh => Guide.Texts.FirstOrDefault(t => t.Lang == PortalLanguages.Chinese)?.Title ?? Guide.Slug;

    public sealed class GuideForm
    {
        public int Version { get; set; }
        public string? TitleZh { get; set; }
        public string? SummaryZh { get; set; }
        public string? BringZh { get; set; }
        public string? WhereZh { get; set; }
        public string? HowLongZh { get; set; }
        public string? StepsZh { get; set; }
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public string? Bring { get; set; }
        public string? Where { get; set; }
        public string? HowLong { get; set; }
        public string? Steps { get; set; }
    }

    async Task<bool> LoadAsync(CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        var guide = await db.ServiceGuides.AsNoTracking().Include(g => g.Texts).FirstOrDefaultAsync(g => g.Id == Id, ct);
        if (guide is null || !(await editor.EditableAsync(caller, ct)).Contains(guide.Category)) return false;
        Guide = guide;
        if (!options.Value.Supports(Lang) || Lang == PortalLanguages.Chinese) Lang = Languages.Skip(1).FirstOrDefault() ?? PortalLanguages.Chinese;
        Versions = await editor.VersionsAsync(Id, ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int? saved, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        SavedVersion = saved;
        var zh = Guide.Texts.FirstOrDefault(t => t.Lang == PortalLanguages.Chinese);
        var t = Guide.Texts.FirstOrDefault(x => x.Lang == Lang);
        Form = new GuideForm
        {
            Version = Guide.Version, TitleZh = zh?.Title, SummaryZh = zh?.Summary, BringZh = zh?.Bring, WhereZh = zh?.Where, HowLongZh = zh?.HowLong, StepsZh = zh?.Steps,
            Title = t?.Title, Summary = t?.Summary, Bring = t?.Bring, Where = t?.Where, HowLong = t?.HowLong, Steps = t?.Steps,
        };
        return Page();
    }

    /// <summary>Saves both sides: the Chinese original, then the translation, each as its own version.</summary>
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var caller = (await HttpContext.GetCallerAsync())!;
        var f = Form;
        var outcome = await editor.SaveAsync(caller, Id, new GuideEdit(PortalLanguages.Chinese, f.Version, f.TitleZh, f.SummaryZh, f.BringZh, f.WhereZh, f.HowLongZh, f.StepsZh), ct);
        if (outcome.Succeeded && Lang != PortalLanguages.Chinese)
            outcome = await editor.SaveAsync(caller, Id, new GuideEdit(Lang!, outcome.Value!.Version, f.Title, f.Summary, f.Bring, f.Where, f.HowLong, f.Steps), ct);
        return After(outcome);
    }

    public async Task<IActionResult> OnPostPublishAsync(bool published, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        return After(await editor.SetPublishedAsync((await HttpContext.GetCallerAsync())!, Id, published, ct));
    }

    IActionResult After(Outcome<ServiceGuide> outcome)
    {
        if (outcome.Refusal is { } refusal)
        {
            Response.StatusCode = refusal.Status;
            Problems = refusal.Messages;
            return Page();
        }
        return Redirect($"/services/office/guides/{Id}?lang={Lang}&saved={outcome.Value!.Version}");
    }
}
