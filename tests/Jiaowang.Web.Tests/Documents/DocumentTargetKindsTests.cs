using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiaowang.Web.Data;
using Jiaowang.Web.Tests.Supervision;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Documents;

/// <summary>
/// The Word bulletin and summary judge a target by the dashboard's rule (kind, baseline, direction): the partner-city
/// target from its 2025 baseline of 127, still at 127 in December, is behind in both documents as on the dashboard.
/// </summary>
public abstract class DocumentTargetKindsTests(DatabaseProvider provider) : IAsyncLifetime
{
    static readonly DateTimeOffset December = new(2026, 12, 15, 9, 0, 0, TimeSpan.FromHours(8));

    SupervisionApp app = null!;
    HttpClient office = null!;

    public async Task InitializeAsync()
    {
        app = await SupervisionApp.StartAsync(provider, s => s.AddSingleton<TimeProvider>(new FixedClock(December)));
        office = await app.OfficeAsync();
    }

    public async Task DisposeAsync()
    {
        office.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Partner_cities_at_their_127_baseline_in_December_are_behind_in_the_bulletin_and_the_summary_as_on_the_dashboard()
    {
        var id = app.TargetId("国际友城和友好交流城市数量");
        Assert.Equal(HttpStatusCode.OK, (await office.PutAsJsonAsync($"/api/targets/{id}/rule", new { kind = "level", baseline = 127, baseYear = 2025 })).StatusCode);
        Assert.Equal(HttpStatusCode.Created,
            (await office.PostAsJsonAsync($"/api/targets/{id}/readings", new { value = 127m, asOf = "2026-12-10", source = "市委外办统计" })).StatusCode);
        using var dashboard = JsonDocument.Parse(await office.GetStringAsync($"/api/targets/{id}"));
        Assert.Equal("behind", dashboard.RootElement.GetProperty("status").GetString());

        foreach (var url in new[] { $"/api/plans/{app.PlanId}/summary.docx", $"/api/plans/{app.PlanId}/bulletin.docx?from=2026-12-01&to=2026-12-15" })
        {
            var rows = DocumentsData.Text(await office.GetByteArrayAsync(url)).Split('\n').ToList();
            var partners = rows.IndexOf("国际友城和友好交流城市数量");
            Assert.True(partners > 0, url);
            // Read from zero, 127 of 129 was 98.4 % and "on track"; from the baseline nothing has been gained yet.
            Assert.Equal(["129个", "127个", "0.0%", "进度滞后"], rows.Skip(partners + 1).Take(4));
        }
    }
}

public sealed class SqliteDocumentTargetKindsTests() : DocumentTargetKindsTests(DatabaseProvider.Sqlite);

public sealed class PostgresDocumentTargetKindsTests() : DocumentTargetKindsTests(DatabaseProvider.Postgres);
