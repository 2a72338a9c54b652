using System.Xml.Linq;
using Jiaowang.Core.Services;
using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Services;

/// <summary>
/// /sitemap.xml: the portal's public pages in every language, each listing its language alternates (xhtml:link
/// hreflang), so search engines offer readers the page in their language.
/// </summary>
[AllowAnonymous]
public sealed class SitemapModel(JiaowangDb db, GuideLibrary guides, IOptions<PortalOptions> options) : PageModel
{
    static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var origin = $"{Request.Scheme}://{Request.Host}";
        var paths = new List<string> { "/services", "/services/places", "/services/guides", "/services/signage" };
        paths.AddRange((await guides.AllAsync(includeUnpublished: false, ct)).Select(g => "/services/guides/" + g.Slug));
        paths.AddRange((await db.Places.AsNoTracking().Where(p => p.Published).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct))
            .Select(id => "/services/places/" + id));
        var languages = options.Value.Effective;
        var root = new XElement(Sm + "urlset", new XAttribute(XNamespace.Xmlns + "xhtml", Xhtml),
            from path in paths
            from lang in languages
            select new XElement(Sm + "url",
                new XElement(Sm + "loc", $"{origin}/{lang}{path}"),
                languages.Select(other => new XElement(Xhtml + "link", new XAttribute("rel", "alternate"),
                    new XAttribute("hreflang", PortalLanguages.HtmlLang(other)), new XAttribute("href", $"{origin}/{other}{path}")))));
        return Content(new XDocument(new XDeclaration("1.0", "utf-8", null), root).ToString(), "application/xml; charset=utf-8");
    }
}
