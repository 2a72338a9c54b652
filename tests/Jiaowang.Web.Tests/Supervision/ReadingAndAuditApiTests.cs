using System.Net;
using System.Net.Http.Json;
using Jiaowang.Core.Audit;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Audit;
using Jiaowang.Web.Features.Readings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Supervision;

/// <summary>Target readings by assigned units and the audit chain, the same on SQLite and PostgreSQL.</summary>
public abstract class ReadingAndAuditApiTests(DatabaseProvider provider) : IAsyncLifetime
{
    SupervisionApp app = null!;
    public async Task InitializeAsync() => app = await SupervisionApp.StartAsync(provider);
    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task The_office_assigns_a_target_and_the_units_liaison_records_a_reading_that_sets_its_status()
    {
        using var office = await app.OfficeAsync();
        var (name, transport) = await app.LiaisonAsync("市交通运输局");
        var routes = app.TargetId("国际地区航线");
        Assert.Equal(HttpStatusCode.NotFound, (await transport.GetAsync($"/api/targets/{routes}")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await office.PutAsJsonAsync($"/api/targets/{routes}/units", new { unitIds = new[] { app.UnitIds["市交通运输局"] } })).StatusCode);
        var recorded = await transport.PostAsJsonAsync($"/api/targets/{routes}/readings", new { value = 21, asOf = "2026-06-10", source = "天河机场 6 月航班计划" });

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var target = await transport.GetFromJsonAsync<TargetDetail>($"/api/targets/{routes}");
        Assert.Equal(21m, target!.Current);
        // 21 of 22 routes by mid-June: well ahead of time progress.
        Assert.Equal("onTrack", target.Status);
        Assert.Contains("95.5%", target.StatusReason);
        var reading = Assert.Single(target.Readings);
        Assert.Equal(("manual", name), (reading.Origin, reading.RecordedBy));
        Assert.Equal("市交通运输局", Assert.Single(target.Units).Name);
    }

    [Fact]
    public async Task A_liaison_cannot_read_or_record_a_target_assigned_to_another_unit_and_sources_reject_scripts()
    {
        using var office = await app.OfficeAsync();
        var (_, transport) = await app.LiaisonAsync("市交通运输局");
        var (_, commerce) = await app.LiaisonAsync("市商务局");
        var routes = app.TargetId("国际地区航线");
        await office.PutAsJsonAsync($"/api/targets/{routes}/units", new { unitIds = new[] { app.UnitIds["市交通运输局"] } });

        Assert.Equal(HttpStatusCode.NotFound, (await commerce.GetAsync($"/api/targets/{routes}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await commerce.PostAsJsonAsync($"/api/targets/{routes}/readings", new { value = 1, asOf = "2026-06-01", source = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await transport.PutAsJsonAsync($"/api/targets/{routes}/units", new { unitIds = Array.Empty<int>() })).StatusCode);
        var script = await transport.PostAsJsonAsync($"/api/targets/{routes}/readings", new { value = 1, asOf = "2026-06-01", source = "<script>alert(1)</script>" });
        Assert.Equal(HttpStatusCode.BadRequest, script.StatusCode);
        var link = await transport.PostAsJsonAsync($"/api/targets/{routes}/readings", new { value = 1, asOf = "2026-06-01", source = "JavaScript:alert(1)" });
        Assert.Equal(HttpStatusCode.BadRequest, link.StatusCode);
    }

    [Fact]
    public async Task The_office_records_a_reading_itself()
    {
        using var office = await app.OfficeAsync();
        var cities = app.TargetId("国际友城");

        var recorded = await office.PostAsJsonAsync($"/api/targets/{cities}/readings", new { value = 127, asOf = "2026-06-01", source = "市委外办统计" });

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        Assert.Equal(127m, (await office.GetFromJsonAsync<TargetDetail>($"/api/targets/{cities}"))!.Current);
    }

    [Fact]
    public async Task Every_change_is_in_the_audit_log_and_an_edited_row_breaks_the_chain()
    {
        using var office = await app.OfficeAsync();
        var (name, liaison) = await app.LiaisonAsync("市交通运输局");
        var report = await (await liaison.PostAsJsonAsync("/api/reports", new { taskId = app.TaskIds[5], periodId = app.Monthly(5).Id, text = "五月进展" }))
            .Content.ReadFromJsonAsync<Features.Supervision.ReportItem>();
        await liaison.PostAsync($"/api/reports/{report!.Id}/submit", null);
        await office.PostAsync($"/api/reports/{report.Id}/accept", null);

        var entries = await office.GetFromJsonAsync<List<AuditItem>>("/api/audit?from=2026-06-15&to=2026-06-15");
        // The feature's own records, beside the row changes (insert, update) that every save leaves.
        var mine = entries!.Where(e => e.Entity == "Report" && e.EntityId == report.Id.ToString() && e.Action is not ("insert" or "update")).ToList();
        Assert.Equal(["create", "submit", "accept"], mine.Select(e => e.Action));
        Assert.Equal(name, mine[0].Actor);
        Assert.Contains("\"state\":\"Submitted\"", mine[2].Before);
        Assert.Contains("\"state\":\"Accepted\"", mine[2].After);
        Assert.Empty((await office.GetFromJsonAsync<List<AuditItem>>("/api/audit?from=2026-06-16"))!);
        Assert.True((await office.GetFromJsonAsync<ChainCheck>("/api/audit/verify"))!.Intact);
        var csv = await office.GetStringAsync("/api/audit/export.csv");
        Assert.Contains("五月进展", csv);

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditLog\" SET \"Actor\" = 'someone-else' WHERE \"Id\" = {mine[1].Id}");
        }

        var check = await office.GetFromJsonAsync<ChainCheck>("/api/audit/verify");
        Assert.False(check!.Intact);
        Assert.Equal(mine[1].Id, check.FirstBrokenId);
    }
}

public sealed class SqliteReadingAndAuditApiTests() : ReadingAndAuditApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresReadingAndAuditApiTests() : ReadingAndAuditApiTests(DatabaseProvider.Postgres);
