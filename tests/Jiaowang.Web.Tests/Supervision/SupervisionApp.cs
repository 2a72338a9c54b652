using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Supervision;
using Jiaowang.Web.Shared.Access;
using Jiaowang.Web.Shared.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Supervision;

/// <summary>The app with the Wuhan plan on SQLite or PostgreSQL, and the ids tests look up by name.</summary>
public sealed class SupervisionApp : IAsyncDisposable
{
    public JiaowangFactory Factory { get; private set; } = null!;
    public int PlanId { get; private set; }
    public Dictionary<int, int> TaskIds { get; } = [];
    public Dictionary<string, int> UnitIds { get; } = [];
    public List<PeriodItem> Periods { get; private set; } = [];
    public List<(int Id, string Text)> Targets { get; } = [];

    public static async Task<SupervisionApp> StartAsync(DatabaseProvider provider, Action<IServiceCollection>? configure = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = new SupervisionApp();
        app.Factory = new JiaowangFactory(await TestDatabase.CreateAsync(provider), configureServices: configure, settings: settings);
        using var client = app.Factory.CreateClient();
        var plans = await client.GetFromJsonAsync<List<SeededApp.PlanListItem>>("/api/plans");
        app.PlanId = plans!.Single().Id;
        using var plan = JsonDocument.Parse(await client.GetStringAsync($"/api/plans/{app.PlanId}"));
        foreach (var t in plan.RootElement.GetProperty("tasks").EnumerateArray()) app.TaskIds[t.GetProperty("number").GetInt32()] = t.GetProperty("id").GetInt32();
        foreach (var u in plan.RootElement.GetProperty("units").EnumerateArray()) app.UnitIds[u.GetProperty("name").GetString()!] = u.GetProperty("id").GetInt32();
        foreach (var t in plan.RootElement.GetProperty("targets").EnumerateArray()) app.Targets.Add((t.GetProperty("id").GetInt32(), t.GetProperty("text").GetString()!));
        using var office = await app.OfficeAsync();
        app.Periods = (await office.GetFromJsonAsync<List<PeriodItem>>($"/api/plans/{app.PlanId}/periods"))!;
        return app;
    }

    public int TargetId(string containing) => Targets.Single(t => t.Text.Contains(containing)).Id;

    public PeriodItem Monthly(int month) => Periods.Single(p => p.Kind == "monthly" && p.Start.Month == month);

    public async Task<HttpClient> OfficeAsync()
    {
        var office = await Accounts.CreateAsync(Factory, "office");
        return await Accounts.BearerClientAsync(Factory, office.UserName!);
    }

    public async Task<(string Name, HttpClient Client)> LiaisonAsync(string unit)
    {
        var liaison = await Accounts.CreateAsync(Factory, "liaison", unit);
        return (liaison.UserName!, await Accounts.BearerClientAsync(Factory, liaison.UserName!));
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Factory.Database.DisposeAsync();
    }
}
