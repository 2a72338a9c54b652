using System.Reflection;
using Jiaowang.Web.Features.Escalation;
using Jiaowang.Web.Features.Leadership;
using Jiaowang.Web.Features.Meetings;
using Jiaowang.Web.Features.Notifications;
using Jiaowang.Web.Features.Reminders;
using Jiaowang.Web.Features.Supervision;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace Jiaowang.Web.Shared;

public static class PagesSetup
{
    /// <summary>
    /// Every view component of the app. MVC finds them, and controllers, by loading every type of the assembly (compiled
    /// models, closures and state machines included): a tenth of a start's CPU (docs/PERFORMANCE.md, "Start-up"). The app
    /// has no controllers, and its view components are named here instead; StartupShortcutsTests compares the list with the assembly.
    /// </summary>
    public static readonly IReadOnlyList<Type> ViewComponents =
    [
        typeof(Bell), typeof(FollowButton), typeof(Inbox), typeof(LeaderTasksViewComponent), typeof(OpenNotices),
        typeof(PendingReceipts), typeof(SupervisionPanel), typeof(UnitFollowUps),
    ];

    /// <summary>Pages live in their feature's folder under Features/; the layout in Shared/.</summary>
    public static IServiceCollection AddJiaowangPages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Features";
            options.Conventions.AddPageRoute("/Plans/Overview", "/");
        }).ConfigureApplicationPartManager(parts =>
        {
            parts.FeatureProviders.Remove(parts.FeatureProviders.OfType<ControllerFeatureProvider>().Single());
            parts.FeatureProviders.Remove(parts.FeatureProviders.OfType<ViewComponentFeatureProvider>().Single());
            parts.FeatureProviders.Add(new NamedViewComponents());
        });
        services.Configure<RazorViewEngineOptions>(o => o.PageViewLocationFormats.Add("/Shared/{0}" + RazorViewEngine.ViewExtension));
        return KeptAntiforgeryTokens.Use(services);
    }

    sealed class NamedViewComponents : IApplicationFeatureProvider<ViewComponentFeature>
    {
        public void PopulateFeature(IEnumerable<ApplicationPart> parts, ViewComponentFeature feature)
        {
            foreach (var type in ViewComponents) feature.ViewComponents.Add(type.GetTypeInfo());
        }
    }
}
