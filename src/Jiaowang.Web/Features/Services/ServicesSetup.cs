using System.Globalization;
using Jiaowang.Core.Services;
using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Features.Services;

/// <summary>The portal's settings (<c>Services</c> section): its languages, Chinese first.</summary>
public sealed class PortalOptions
{
    /// <summary>Languages of the public pages, as URL prefixes. Chinese is always first whatever the list says.</summary>
    public string[] Languages { get; set; } = PortalLanguages.Default;
    /// <summary>Reports one address may send per hour (signage feedback).</summary>
    public int SignageReportsPerHour { get; set; } = 10;

    public IReadOnlyList<string> Effective => [PortalLanguages.Chinese, .. Languages.Where(l => l != PortalLanguages.Chinese).Distinct()];
    public bool Supports(string? lang) => lang is not null && Effective.Contains(lang);
}

/// <summary>Matches a route value that is one of the configured portal languages: <c>/{lang:portallang}/services</c>.</summary>
public sealed class PortalLanguageConstraint(Microsoft.Extensions.Options.IOptions<PortalOptions> options) : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && options.Value.Supports(value as string);
}

/// <summary>Registers 家在武汉 (At Home in Wuhan), the public services portal for foreign residents, and loads its directory on first start.</summary>
public static class ServicesSetup
{
    public const string PlacesPath = "Seed/services-places.json";
    public const string GuidesPath = "Seed/services-guides.json";
    public const string LanguageCookie = ".Jiaowang.PortalLang";
    const string LangItem = "portal-lang";

    public static IServiceCollection AddServicesPortal(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PortalOptions>(configuration.GetSection("Services"));
        services.Configure<RouteOptions>(o => o.SetParameterPolicy<PortalLanguageConstraint>("portallang"));
        services.AddScoped<GuideLibrary>();
        services.AddScoped<GuideEditor>();
        services.AddSingleton<SignageThrottle>();
        services.AddScoped<SignageDesk>();
        services.AddScoped<PlaceEditor>();
        services.AddSingleton<PortalLanguageMenu>();
        return services;
    }

    /// <summary>
    /// The reader's language on the portal's pages: the URL prefix decides (<c>/fr/services/…</c>) and is remembered in a
    /// cookie; the rest of the app keeps its own zh/en choice.
    /// </summary>
    public static IApplicationBuilder UsePortalLanguage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var segments = context.Request.Path.Value?.Split('/', 4, StringSplitOptions.RemoveEmptyEntries) ?? [];
        var options = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value;
        if (segments.Length >= 2 && segments[1] == "services" && options.Supports(segments[0]))
        {
            var lang = segments[0];
            context.Items[LangItem] = lang;
            var culture = CultureInfo.GetCultureInfo(PortalLanguages.HtmlLang(lang));
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            // Only when it changes: a Set-Cookie would keep the page out of the public cache.
            if (context.Request.Cookies[LanguageCookie] != lang)
                context.Response.Cookies.Append(LanguageCookie, lang, new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        }
        await next();
    });

    /// <summary>The portal language of this request (from its URL), or Chinese.</summary>
    public static string PortalLang(this HttpContext context) => context.Items[LangItem] as string ?? PortalLanguages.Chinese;

    /// <summary>For <c>/services</c> without a prefix: the remembered choice, then the browser's Accept-Language, then Chinese.</summary>
    public static string ChooseLanguage(HttpRequest request, PortalOptions options)
    {
        if (request.Cookies[LanguageCookie] is { } remembered && options.Supports(remembered)) return remembered;
        var accepted = Microsoft.Net.Http.Headers.StringWithQualityHeaderValue.ParseList(request.Headers.AcceptLanguage.ToString().Split(','))
            .OrderByDescending(v => v.Quality ?? 1);
        foreach (var value in accepted)
        {
            var tag = value.Value.Value ?? "";
            var primary = tag.Split('-')[0].ToLowerInvariant();
            if (options.Supports(primary)) return primary;
        }
        return PortalLanguages.Chinese;
    }

    /// <summary>On an empty directory, imports the shipped places (each with its source), unless <c>Seed:Places</c> is false.</summary>
    public static async Task PrepareServicesAsync(this WebApplication app, StartupFacts facts)
    {
        if (facts.HasGuides && facts.HasPlaces) return;
        using var actor = Audit.AuditActors.Use("system:startup");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
        // Guides: imported once, then the office's (Seed:Guides=false skips them).
        if (app.Configuration.GetValue("Seed:Guides", true) && !await db.ServiceGuides.AnyAsync())
        {
            db.ServiceGuides.AddRange(GuideLibrary.Read(Path.Combine(AppContext.BaseDirectory, GuidesPath)));
            await db.SaveChangesAsync();
        }
        if (!app.Configuration.GetValue("Seed:Places", true)) return;
        if (await db.Places.AnyAsync()) return;
        var places = PlaceSeed.Read(Path.Combine(AppContext.BaseDirectory, PlacesPath));
        db.Places.AddRange(places);
        await db.SaveChangesAsync();
        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Jiaowang.Services").LogInformation("Loaded {Count} places from the shipped directory", places.Count);
    }
}
