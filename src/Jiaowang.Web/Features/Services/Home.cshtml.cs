using Jiaowang.Core.Services;
using Jiaowang.Web.Data;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.OutputCaching;

namespace Jiaowang.Web.Features.Services;

/// <summary>家在武汉's front page: the directory's categories with their counts, the guides, the emergency numbers.</summary>
[OutputCache(PolicyName = PublicCache.Policy)]
public sealed class HomeModel(JiaowangDb db, GuideLibrary guides) : PortalPage
{
    public IReadOnlyList<DirectoryCount> Counts { get; private set; } = [];
    public IReadOnlyList<PlaceItem> Emergency { get; private set; } = [];
    public IReadOnlyList<Guide> Guides { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await PlaceQuery.CountsAsync(db, ct);
        Emergency = await PlaceQuery.ListAsync(db, Lang, PlaceCategory.Emergency, null, false, ct);
        Guides = await guides.AllAsync(includeUnpublished: false, ct);
    }
}

/// <summary><c>/services</c> without a language: the remembered choice, then Accept-Language, then Chinese.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class ChooseLanguageModel(Microsoft.Extensions.Options.IOptions<PortalOptions> options) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    public IActionResult OnGet()
    {
        Response.Headers.Vary = "Accept-Language, Cookie";
        return Redirect("/" + ServicesSetup.ChooseLanguage(Request, options.Value) + "/services");
    }
}
