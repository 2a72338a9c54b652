using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;

namespace Jiaowang.Web.Shared;

/// <summary>Chinese first, English always; Chinese served as characters, not entities.</summary>
public static class TextSetup
{
    public const string CultureCookie = ".Jiaowang.Culture";
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static IServiceCollection AddJiaowangText(this IServiceCollection services)
    {
        services.AddLocalization();
        // Each string looked up once per language, then kept (KeptStringLocalizer).
        services.AddSingleton<ResourceManagerStringLocalizerFactory>();
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, KeptStringLocalizerFactory>());
        // The default encoder writes every Chinese character as &#x…;: pages twice as big and a third as fast.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            // The bodies' contracts generated at build time first (ApiJsonContext); reflection for every other type.
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
        });
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Chinese);
            o.SupportedCultures = o.SupportedUICultures = [Chinese, English];
            // Chinese by default whatever the browser says: only an explicit choice switches to English.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider { CookieName = CultureCookie },
            ];
        });
        return services;
    }

    /// <summary>Applies the request's language and remembers an explicit <c>?culture=</c> choice in a cookie.</summary>
    public static IApplicationBuilder UseJiaowangText(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        return app.Use(async (context, next) =>
        {
            if (context.Request.Query.ContainsKey("culture"))
            {
                var culture = context.Features.Get<IRequestCultureFeature>()!.RequestCulture.UICulture;
                context.Response.Cookies.Append(CultureCookie,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            }
            await next();
        });
    }

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>A month as people write it: 2026年4月, or Apr 2026.</summary>
    public static string Month(DateOnly month) =>
        IsEnglish ? month.ToString("MMM yyyy", English) : $"{month.Year}年{month.Month}月";

    /// <summary>A span of months: 2026年4月—2026年9月, or one month alone when it starts and ends in the same one.</summary>
    public static string Months(DateOnly start, DateOnly end, Microsoft.Extensions.Localization.IStringLocalizer l) =>
        start == end ? Month(start) : l["Phase.Months", Month(start), Month(end)];

    /// <summary>A day as people write it: 2026年3月9日, or 9 Mar 2026.</summary>
    public static string Day(DateOnly day) =>
        IsEnglish ? day.ToString("d MMM yyyy", English) : $"{day.Year}年{day.Month}月{day.Day}日";
}
