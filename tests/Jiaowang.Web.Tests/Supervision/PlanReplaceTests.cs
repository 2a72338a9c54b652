using System.Net;
using System.Net.Http.Json;
using Jiaowang.Core.Documents;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace Jiaowang.Web.Tests.Supervision;

public sealed class PlanReplaceTests : IAsyncLifetime
{
    SupervisionApp app = null!;
    public async Task InitializeAsync() => app = await SupervisionApp.StartAsync(DatabaseProvider.Sqlite);
    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_plan_with_reports_is_not_replaced_by_a_reimport_and_keeps_its_history()
    {
        var (_, liaison) = await app.LiaisonAsync("市交通运输局");
        var created = await liaison.PostAsJsonAsync("/api/reports", new { taskId = app.TaskIds[5], periodId = app.Monthly(5).Id, text = "新开国际航线 2 条" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var read = PlanDocumentReader.Read(Path.Combine(AppContext.BaseDirectory, DatabaseStartup.BundledPlanPath));
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<PlanImporter>()
            .ImportAsync(read.Plan!, "wuhan.txt", read.Text!, replace: true);

        Assert.Equal(PlanImportStatus.HasReports, outcome.Status);
        Assert.Equal(app.PlanId, outcome.PlanId);
        using var office = await app.OfficeAsync();
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/api/plans/{app.PlanId}")).StatusCode);
        Assert.Single((await office.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/reports"))!);
    }

    [Fact]
    public async Task A_plan_with_a_satisfaction_vote_is_not_replaced_either()
    {
        using var office = await app.OfficeAsync();
        var opened = await office.PostAsJsonAsync("/api/evaluations",
            new { planId = app.PlanId, title = "2026年度满意度测评", closesAt = JiaowangFactory.Today.AddDays(3) });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);

        var read = PlanDocumentReader.Read(Path.Combine(AppContext.BaseDirectory, DatabaseStartup.BundledPlanPath));
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<PlanImporter>()
            .ImportAsync(read.Plan!, "wuhan.txt", read.Text!, replace: true);

        Assert.Equal(PlanImportStatus.HasReports, outcome.Status);
        Assert.Single((await office.GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/evaluations"))!);
    }
}
