using Microsoft.AspNetCore.Mvc.Razor;

namespace Jiaowang.Web.Shared;

public static class PagesSetup
{
    /// <summary>Pages live in their feature's folder under Features/; the layout in Shared/.</summary>
    public static IServiceCollection AddJiaowangPages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Features";
            options.Conventions.AddPageRoute("/Plans/Overview", "/");
        });
        services.Configure<RazorViewEngineOptions>(o => o.PageViewLocationFormats.Add("/Shared/{0}" + RazorViewEngine.ViewExtension));
        return services;
    }
}
