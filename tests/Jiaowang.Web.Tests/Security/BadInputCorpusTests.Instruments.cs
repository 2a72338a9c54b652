using System.Net.Http.Json;
using System.Text.Json;

namespace Jiaowang.Web.Tests.Security;

/// <summary>The corpus's cases for extensions, returns and co-signed summaries (issue 12 items 2 and 3).</summary>
public sealed partial class BadInputCorpusTests
{
    readonly Dictionary<string, int> instrumentIds = [];
    readonly Dictionary<string, HttpClient> instrumentLiaisons = [];

    async Task<HttpClient> LiaisonOfAsync(string unit)
    {
        if (!instrumentLiaisons.TryGetValue(unit, out var client)) instrumentLiaisons[unit] = client = (await app.LiaisonAsync(unit)).Client;
        return client;
    }

    int FirstSummaryPeriod => app.Periods.First(p => p.Kind != "monthly").Id;

    static int Id(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("id").GetInt32();
    }

    /// <summary>A summary of the task by the lead unit, sent to its co-units when asked; made once per name.</summary>
    async Task<int> SummaryAsync(string name, int task, string lead, bool send)
    {
        if (instrumentIds.TryGetValue(name, out var id)) return id;
        var client = await LiaisonOfAsync(lead);
        id = Id(await Ok(await client.PostAsJsonAsync($"/api/tasks/{app.TaskIds[task]}/summaries", new { periodId = FirstSummaryPeriod, text = "总结" })));
        if (send) await Ok(await client.PostAsJsonAsync($"/api/summaries/{id}/send", new { }));
        return instrumentIds[name] = id;
    }

    async Task<int> PendingExtensionAsync(string name)
    {
        if (instrumentIds.TryGetValue(name, out var id)) return id;
        var meeting = await office.PostAsJsonAsync($"/api/plans/{app.PlanId}/meetings", Meeting());
        using var json = JsonDocument.Parse(await Ok(meeting));
        var item = json.RootElement.GetProperty("decisions")[0].GetProperty("id").GetInt32();
        id = Id(await Ok(await liaison.PostAsJsonAsync("/api/extensions", new { followUpId = item, until = "2026-12-31", reason = "需协调" })));
        return instrumentIds[name] = id;
    }

    async Task<int> PendingReturnAsync(string name, int task, string unit)
    {
        if (instrumentIds.TryGetValue(name, out var id)) return id;
        id = Id(await Ok(await (await LiaisonOfAsync(unit)).PostAsJsonAsync("/api/returns", new { taskId = app.TaskIds[task], reason = "非本单位职责" })));
        return instrumentIds[name] = id;
    }

    void AddInstrumentCases(Dictionary<string, Func<string, Task<HttpResponseMessage>>> cases)
    {
        cases["POST /api/extensions reason"] = v => draftOwner.PostAsJsonAsync("/api/extensions", new { reportId = reportDraft, until = "2026-12-31", reason = v });
        cases["POST /api/extensions/{id}/approve note"] = async v => await office.PostAsJsonAsync($"/api/extensions/{await PendingExtensionAsync("approve")}/approve", new { note = v });
        cases["POST /api/extensions/{id}/refuse note"] = async v => await office.PostAsJsonAsync($"/api/extensions/{await PendingExtensionAsync("refuse")}/refuse", new { note = v });
        cases["POST /api/returns reason"] = async v => await (await LiaisonOfAsync("市人才工作局")).PostAsJsonAsync("/api/returns", new { taskId = app.TaskIds[10], reason = v });
        cases["POST /api/returns/{id}/reassign note"] = async v =>
            await office.PostAsJsonAsync($"/api/returns/{await PendingReturnAsync("reassign", 10, "市公安局")}/reassign", new { toUnitId = (int?)null, note = v });
        cases["POST /api/returns/{id}/refuse note"] = async v =>
            await office.PostAsJsonAsync($"/api/returns/{await PendingReturnAsync("refuse", 9, "市司法局")}/refuse", new { note = v });
        cases["POST /api/tasks/{taskId}/summaries text"] = async v =>
            await (await LiaisonOfAsync("市委外办")).PostAsJsonAsync($"/api/tasks/{app.TaskIds[1]}/summaries", new { periodId = FirstSummaryPeriod, text = v });
        cases["PUT /api/summaries/{id} text"] = async v =>
        {
            var id = await SummaryAsync("edit", 6, "市商务局", send: false);
            var client = await LiaisonOfAsync("市商务局");
            using var current = JsonDocument.Parse(await client.GetStringAsync($"/api/summaries/{id}"));
            return await client.PutAsJsonAsync($"/api/summaries/{id}", new { text = v, version = current.RootElement.GetProperty("version").GetInt32() });
        };
        cases["POST /api/summaries/{id}/sign comment"] = async v =>
            await (await LiaisonOfAsync("市文旅局")).PostAsJsonAsync($"/api/summaries/{await SummaryAsync("sign", 2, "市委宣传部", send: true)}/sign", new { comment = v });
        cases["POST /api/summaries/{id}/refuse comment"] = async v =>
            await (await LiaisonOfAsync("市文联")).PostAsJsonAsync($"/api/summaries/{await SummaryAsync("sign", 2, "市委宣传部", send: true)}/refuse", new { comment = v });
        cases["POST /api/summaries/{id}/accept overrideReason"] = async v =>
            await office.PostAsJsonAsync($"/api/summaries/{await SummaryAsync("accept", 10, "市人才工作局", send: true)}/accept", new { overrideReason = v });
        cases["POST /api/summaries/{id}/return comment"] = async v =>
            await office.PostAsJsonAsync($"/api/summaries/{await SummaryAsync("return", 3, "市体育局", send: true)}/return", new { comment = v });
    }
}
