using System.Globalization;
using Jiaowang.Web.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Tests;

/// <summary>The strings the app keeps once looked up (KeptStringLocalizer) answer in each request's own language.</summary>
public sealed class KeptStringsTests(SeededApp app) : IClassFixture<SeededApp>
{
    static T InCulture<T>(string culture, Func<T> read)
    {
        var (ui, format) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try { return read(); }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, format); }
    }

    [Fact]
    public void A_string_read_in_one_language_is_not_served_in_the_other()
    {
        var text = app.Factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();

        Assert.Equal("工作方案", InCulture("zh-CN", () => text["Nav.Plan"].Value));
        Assert.Equal("Work plan", InCulture("en", () => text["Nav.Plan"].Value));
        Assert.Equal("工作方案", InCulture("zh-CN", () => text["Nav.Plan"].Value));
        Assert.Equal("Work plan", InCulture("en", () => text["Nav.Plan"].Value));
    }

    [Fact]
    public void Formats_take_their_arguments_and_a_missing_name_reads_as_itself()
    {
        var text = app.Factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();

        Assert.Equal("12 targets · 3 tasks · 4 responsible units", InCulture("en", () => text["Plan.Counts", 12, 3, 4].Value));
        var missing = InCulture("en", () => text["No.Such.Name"]);
        Assert.True(missing.ResourceNotFound);
        Assert.Equal("No.Such.Name", missing.Value);
        Assert.IsType<KeptStringLocalizerFactory>(app.Factory.Services.GetRequiredService<IStringLocalizerFactory>());
    }

    [Fact]
    public async Task Pages_switch_language_per_request_with_the_strings_kept()
    {
        using var chinese = app.Client();
        using var english = app.Client();
        for (var i = 0; i < 2; i++)
        {
            Assert.Contains("工作方案", await chinese.GetStringAsync("/"));
            var page = await english.GetStringAsync("/?culture=en");
            Assert.Contains("Work plan", page);
            Assert.DoesNotContain(">工作方案<", page);
        }
    }
}
