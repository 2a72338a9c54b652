using System.Net.Http.Json;

namespace Jiaowang.Web.Tests;

/// <summary>One app per test class on its own SQLite file, started with the bundled Wuhan plan loaded.</summary>
public sealed class SeededApp : IAsyncLifetime
{
    public JiaowangFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new JiaowangFactory(TestDatabase.Sqlite());
        using var client = Factory.CreateClient();
        (await client.GetAsync("/api/plans")).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Factory.Database.DisposeAsync();
    }

    public HttpClient Client() => Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<int> WuhanPlanIdAsync()
    {
        using var client = Client();
        var plans = await client.GetFromJsonAsync<List<PlanListItem>>("/api/plans");
        return plans!.Single(p => p.DocumentNumber == "武政办〔2026〕26号").Id;
    }

    public sealed record PlanListItem(int Id, string Title, string? DocumentNumber);
}
