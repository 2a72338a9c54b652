using Jiaowang.Core.Services;
using Jiaowang.Web.Data;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.OutputCaching;

namespace Jiaowang.Web.Features.Services;

/// <summary>The directory, filtered by category and district, with the places drawn on the offline map.</summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class PlacesModel(JiaowangDb db) : PortalPage
{
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    public IReadOnlyList<PlaceItem> Places { get; private set; } = [];
    public IReadOnlyList<DirectoryCount> Counts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        PlaceCategory? category = PlaceQuery.TryCategory(Category, out var c) ? c : null;
        if (category is null) Category = null;
        if (District is not null && !Districts.All.Contains(District)) District = null;
        Places = await PlaceQuery.ListAsync(db, Lang, category, District, ShowsUnpublished, ct);
        Counts = await PlaceQuery.CountsAsync(db, ct);
    }
}

/// <summary>One place: every field in the reader's language or marked, with its source and check date.</summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class PlaceModel(JiaowangDb db) : PortalPage
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public PlaceItem Place { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await PlaceQuery.FindAsync(db, Id, Lang, ShowsUnpublished, ct) is not { } place) return NotFound();
        Place = place;
        return Page();
    }
}
