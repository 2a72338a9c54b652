using Jiaowang.Web.Data;
using Jiaowang.Web.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jiaowang.Browser.Tests;

/// <summary>The 家在武汉 portal in Chromium, with the factory at hand to open accounts.</summary>
public sealed class PortalBrowserApp : LoopbackApp
{
    protected override Task<JiaowangFactory> CreateFactoryAsync() => Task.FromResult(new JiaowangFactory(TestDatabase.Sqlite()));
}

public sealed class PortalBrowserTests(PortalBrowserApp app) : IClassFixture<PortalBrowserApp>
{
    static readonly string[] Languages = ["zh", "en", "fr", "de", "ja", "ko"];

    /// <summary>Languages whose pages get every WCAG 2.1 A/AA rule; the others share their markup and styles.</summary>
    static readonly string[] FullAxeLanguages = ["zh", "en"];

    /// <summary>
    /// What a translation can break, checked in the other languages: the page's language and title, and every name or
    /// label that comes from translated text. A full axe run per page and language took most of the browser suite's
    /// time (48 runs, colour contrast the costliest); the markup and styles are the same in every language.
    /// </summary>
    static readonly string[] TextRules = ["html-has-lang", "html-lang-valid", "html-xml-lang-mismatch", "valid-lang", "document-title",
        "link-name", "button-name", "input-button-name", "label", "select-name", "image-alt", "aria-input-field-name", "summary-name",
        "empty-heading", "page-has-heading-one"];

    [Fact]
    public async Task A_sign_reported_on_the_public_form_is_routed_answered_by_the_unit_and_shown_by_reference()
    {
        var visitor = await app.NewPageAsync(360, 800);
        await visitor.GotoAsync("/en/services/signage");
        await visitor.GetByLabel("Place (name or address)").FillAsync("Jianghan Road metro station, exit C");
        await visitor.GetByLabel("Text you saw").FillAsync("Jianghan Road Stashion");
        await visitor.GetByLabel("Suggested text (optional)").FillAsync("Jianghan Road Station");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(visitor.Locator("[data-status]")).ToHaveTextAsync("Received");
        var reference = (await visitor.Locator(".reference").InnerTextAsync()).Trim();
        Assert.Matches("^BS-[A-Z2-9]{8}$", reference);

        var office = await Accounts.CreateAsync(app.Factory, "office");
        var liaison = await Accounts.CreateAsync(app.Factory, "liaison", "武汉地铁集团");
        var officePage = await app.NewPageAsync();
        await SignIn.AsAsync(officePage, office.UserName!);
        await officePage.GotoAsync("/services/office?culture=zh-CN");
        var report = officePage.Locator($"[data-reference='{reference}']");
        await report.GetByLabel("转给").SelectOptionAsync(new SelectOptionValue { Label = "武汉地铁集团" });
        await report.GetByRole(AriaRole.Button, new() { Name = "转给" }).ClickAsync();
        await Assertions.Expect(officePage.Locator($"[data-reference='{reference}'] h3")).ToContainTextAsync("已转负责单位");

        var unitPage = await app.NewPageAsync();
        await SignIn.AsAsync(unitPage, liaison.UserName!);
        await unitPage.GotoAsync("/services/office?culture=zh-CN");
        var mine = unitPage.Locator($"[data-reference='{reference}']");
        await mine.GetByLabel("答复", new() { Exact = true }).FillAsync("已更正为 Jianghan Road Station");
        await mine.GetByLabel("标识已更正").CheckAsync();
        await mine.GetByRole(AriaRole.Button, new() { Name = "答复" }).ClickAsync();

        await visitor.GotoAsync($"/fr/services/signage?reference={reference.ToLowerInvariant()}");
        await Assertions.Expect(visitor.Locator("[data-status]")).ToHaveTextAsync("Répondu");
        await Assertions.Expect(visitor.Locator(".answer")).ToHaveTextAsync("已更正为 Jianghan Road Station");
    }

    [Fact]
    public async Task Every_public_portal_page_passes_axe_in_all_six_languages_and_fits_a_phone()
    {
        int placeId;
        await using (var scope = app.Factory.Services.CreateAsyncScope())
            placeId = await scope.ServiceProvider.GetRequiredService<JiaowangDb>().Places.Where(p => p.Key == "hospital-tongji").Select(p => p.Id).SingleAsync();
        var paths = new[] { "/services", "/services/places", "/services/places?category=hospital", $"/services/places/{placeId}",
            "/services/guides", "/services/guides/mobile-payment", "/services/guides/bank-account", "/services/signage" };
        var problems = new List<string>();
        var page = await app.NewPageAsync(360, 800);
        foreach (var lang in Languages)
        {
            foreach (var path in paths)
            {
                var response = await page.GotoAsync("/" + lang + path);
                if (response?.Status != 200) { problems.Add($"/{lang}{path}: {response?.Status}"); continue; }
                var violations = await Axe.ViolationsAsync(page, FullAxeLanguages.Contains(lang)
                    ? new { type = "tag", values = new[] { "wcag2a", "wcag2aa", "wcag21a", "wcag21aa" } }
                    : new { type = "rule", values = TextRules });
                problems.AddRange(violations.Select(v => $"/{lang}{path}: {v.Id} ({v.Nodes}) {v.Help}"));
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                if (overflow > 0) problems.Add($"/{lang}{path}: {overflow}px wider than a 360px phone");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
