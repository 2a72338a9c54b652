using System.Diagnostics.Metrics;
using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Jiaowang.Web.Features.Operations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jiaowang.Web.Tests.Operations;

/// <summary>
/// Framework work the start skips (docs/PERFORMANCE.md, "Start-up"). MVC no longer searches the assembly for view
/// components and controllers (PagesSetup): a view component left out of the list would fail on the page that uses it,
/// a controller would silently never be reached. The host no longer reads the key ring in its start (OperationsSetup):
/// authentication, antiforgery and Identity each register the reader again, so the removal must come after them.
/// OpenTelemetry's metric streams are sized for what this app can put in them, not its default of 2,000 tag
/// combinations, whose arrays set off a full collection in the start.
/// </summary>
public sealed class StartupShortcutsTests
{
    [Fact]
    public void The_list_holds_every_view_component_of_the_app_and_the_app_has_no_controller()
    {
        ApplicationPart[] app = [new AssemblyPart(typeof(Program).Assembly)];
        var searched = new ViewComponentFeature();
        new ViewComponentFeatureProvider().PopulateFeature(app, searched);
        var controllers = new ControllerFeature();
        new ControllerFeatureProvider().PopulateFeature(app, controllers);

        Assert.Equal(8, searched.ViewComponents.Count);
        Assert.Equal(searched.ViewComponents.Select(t => t.FullName).Order(), PagesSetup.ViewComponents.Select(t => t.FullName).Order());
        Assert.Empty(controllers.Controllers);
    }

    [Fact]
    public async Task The_running_app_knows_the_listed_view_components_reads_no_key_ring_in_its_start_and_signs_in_at_once()
    {
        await using var database = TestDatabase.Sqlite();
        await using var factory = new JiaowangFactory(database);
        Assert.DoesNotContain(factory.Services.GetServices<IHostedService>(), s => s.GetType().FullName == OperationsSetup.DataProtectionHostedService);
        var known = new ViewComponentFeature();
        factory.Services.GetRequiredService<ApplicationPartManager>().PopulateFeature(known);

        Assert.Equal(PagesSetup.ViewComponents.Select(t => t.FullName).Order(), known.ViewComponents.Select(t => t.FullName).Order());
        var leader = await Accounts.CreateAsync(factory, Web.Features.Accounts.Roles.Leader);
        using var browser = await Accounts.CookieClientAsync(factory, leader.UserName!);
        var dashboard = await browser.GetStringAsync("/dashboard");
        // The layout's bell is a view component.
        Assert.Contains("class=\"bell\" href=\"/me/notifications\"", dashboard);
    }

    [Fact]
    public async Task The_metric_streams_kept_by_route_have_room_for_every_route_of_the_app_several_times_over()
    {
        await using var database = TestDatabase.Sqlite();
        await using var factory = new JiaowangFactory(database);
        _ = factory.Server;
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        // A page answers GET and POST on its one route; an API endpoint names its methods.
        var routesAndMethods = endpoints
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"]).Select(method => (e.RoutePattern.RawText, method)))
            .Distinct()
            .Count();
        var routes = endpoints.Select(e => e.RoutePattern.RawText).Distinct().Count();
        using var hosting = new Meter("Microsoft.AspNetCore.Hosting");
        using var routing = new Meter("Microsoft.AspNetCore.Routing");
        using var kestrel = new Meter("Microsoft.AspNetCore.Server.Kestrel");
        var durations = OperationsSetup.MetricStream(hosting.CreateHistogram<double>("http.server.request.duration")).CardinalityLimit!.Value;
        var matches = OperationsSetup.MetricStream(routing.CreateCounter<long>("aspnetcore.routing.match_attempts")).CardinalityLimit!.Value;
        var connections = OperationsSetup.MetricStream(kestrel.CreateHistogram<double>("kestrel.connection.duration")).CardinalityLimit!.Value;

        Assert.InRange(routesAndMethods, 300, durations / 4);
        Assert.InRange(routes, 200, matches / 2);
        Assert.True(connections < routes);
    }
}
