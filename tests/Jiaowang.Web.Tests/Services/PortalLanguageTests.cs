using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Jiaowang.Core.Services;
using Jiaowang.Web.Data;

namespace Jiaowang.Web.Tests.Services;

/// <summary>
/// 家在武汉's languages as a visitor meets them (issue 15 items 3 and 7): the bare address picks the remembered language,
/// then the browser's, then Chinese; every page names its versions in the other languages, and the sitemap lists every
/// page in each; a guide page, with what it loads, stays under 200 KB and loads nothing from another host.
/// </summary>
public sealed class PortalLanguageTests : IAsyncLifetime
{
    static readonly string[] Languages = ["zh", "en", "fr", "de", "ja", "ko"];
    TestDatabase database = null!;
    JiaowangFactory factory = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        factory = new JiaowangFactory(database);
        factory.CreateClient().Dispose();
    }

    public async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        await database.DisposeAsync();
    }

    HttpClient Visitor() => factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    async Task<string> LandingOfAsync(HttpClient visitor, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/services");
        if (acceptLanguage is not null) request.Headers.Add("Accept-Language", acceptLanguage);
        using var response = await visitor.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task The_bare_address_picks_the_remembered_language_then_the_browsers_then_chinese()
    {
        using var visitor = Visitor();
        Assert.Equal("/zh/services", await LandingOfAsync(visitor, null));
        Assert.Equal("/de/services", await LandingOfAsync(visitor, "de-DE,de;q=0.9,en;q=0.8"));
        // The first language the portal has, by the browser's order of preference.
        Assert.Equal("/ja/services", await LandingOfAsync(visitor, "es-ES,es;q=0.9,ja;q=0.8,en;q=0.7"));
        Assert.Equal("/zh/services", await LandingOfAsync(visitor, "es-ES"));

        // Reading the portal in Korean once is remembered over what the browser says.
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/ko/services")).StatusCode);
        Assert.Equal("/ko/services", await LandingOfAsync(visitor, "de-DE,de;q=0.9"));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/fr/services/guides")).StatusCode);
        Assert.Equal("/fr/services", await LandingOfAsync(visitor, "de-DE,de;q=0.9"));
    }

    [Fact]
    public async Task Every_page_names_its_other_languages_and_the_sitemap_lists_every_page_in_each()
    {
        using var visitor = Visitor();
        var guide = await FirstGuideAsync(visitor, "en");
        var html = await visitor.GetStringAsync(guide);
        var alternates = Regex.Matches(html, "<link rel=\"alternate\" hreflang=\"([^\"]+)\" href=\"([^\"]+)\"")
            .ToDictionary(m => m.Groups[1].Value, m => new Uri(m.Groups[2].Value).AbsolutePath);
        foreach (var lang in Languages)
            Assert.Equal(guide.Replace("/en/", $"/{lang}/"), alternates[PortalLanguages.HtmlLang(lang)]);
        Assert.Equal(guide.Replace("/en/", "/zh/"), alternates["x-default"]);

        var sitemap = XDocument.Parse(await visitor.GetStringAsync("/sitemap.xml"));
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var listed = sitemap.Descendants(sm + "loc").Select(l => new Uri(l.Value).AbsolutePath).ToHashSet();
        foreach (var lang in Languages)
        {
            Assert.Contains($"/{lang}/services", listed);
            Assert.Contains(guide.Replace("/en/", $"/{lang}/"), listed);
        }
        // Every page listed answers, in its language.
        foreach (var path in listed.Where(p => p.StartsWith("/ko/")))
            Assert.True((await visitor.GetAsync(path)).StatusCode == HttpStatusCode.OK, $"{path} is in the sitemap but does not answer 200");
    }

    [Fact]
    public async Task A_guide_page_with_what_it_loads_is_under_200_KB_and_loads_nothing_from_another_host()
    {
        using var visitor = Visitor();
        foreach (var lang in Languages)
        {
            var guide = await FirstGuideAsync(visitor, lang);
            var html = await visitor.GetStringAsync(guide);
            var loads = Regex.Matches(html, "<(?:link[^>]*\\brel=\"stylesheet\"[^>]*\\bhref|script[^>]*\\bsrc|img[^>]*\\bsrc)=\"([^\"]+)\"")
                .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
            Assert.NotEmpty(loads);
            Assert.All(loads, url => Assert.True(url.StartsWith('/') && !url.StartsWith("//"), $"{guide} loads {url} from elsewhere"));
            long bytes = System.Text.Encoding.UTF8.GetByteCount(html);
            foreach (var url in loads) bytes += (await visitor.GetByteArrayAsync(url)).Length;
            // Counted uncompressed: what is transferred is less wherever the server compresses.
            Assert.True(bytes < 200 * 1024, $"{guide} with {loads.Count} files is {bytes / 1024} KB");
        }
    }

    static async Task<string> FirstGuideAsync(HttpClient visitor, string lang)
    {
        var list = await visitor.GetStringAsync($"/{lang}/services/guides");
        var link = Regex.Match(list, $"href=\"(/{lang}/services/guides/[^\"?#]+)\"");
        Assert.True(link.Success, $"/{lang}/services/guides links to no guide");
        return link.Groups[1].Value;
    }
}
