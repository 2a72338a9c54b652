using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.OutputCaching;

namespace Jiaowang.Web.Features.Services;

[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class GuidesModel(GuideLibrary guides) : PortalPage
{
    public IReadOnlyList<Guide> Guides { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Guides = await guides.AllAsync(ShowsUnpublished, ct);
}

/// <summary>One step-by-step guide: what to bring, where, how long, the steps, the places and the sources it was written from.</summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class GuideModel(GuideLibrary guides, Data.JiaowangDb db) : PortalPage
{
    [BindProperty(SupportsGet = true)] public string? Slug { get; set; }
    public Guide Guide { get; private set; } = null!;
    public GuideText Text { get; private set; } = null!;
    public bool Translated { get; private set; }
    /// <summary>Fields of a translated guide that are still the Chinese: marked on the page.</summary>
    public IReadOnlySet<string> Missing { get; private set; } = new HashSet<string>();
    public IReadOnlyList<PlaceItem> Places { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await guides.FindAsync(Slug, ShowsUnpublished, ct) is not { } guide) return NotFound();
        Guide = guide;
        (Text, Translated, Missing) = guide.In(Lang);
        var all = await PlaceQuery.ListAsync(db, Lang, null, null, false, ct);
        Places = guide.Places.Select(k => all.FirstOrDefault(p => p.Key == k)).OfType<PlaceItem>().ToList();
        return Page();
    }
}
