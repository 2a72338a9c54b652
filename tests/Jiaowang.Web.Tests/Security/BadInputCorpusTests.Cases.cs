using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Reminders;
using Jiaowang.Web.Tests.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Jiaowang.Web.Tests.Security;

/// <summary>The corpus's cases: one way to send a bad value into each text field of each JSON request, by endpoint.</summary>
public sealed partial class BadInputCorpusTests
{
    Dictionary<string, object?> Meeting() => new()
    {
        ["kind"] = "officeMeeting", ["title"] = "领导小组办公室会议", ["heldOn"] = "2026-06-10", ["place"] = "市政府", ["attendees"] = new[] { "张三" },
        ["notes"] = "无", ["decisions"] = new object[] { new Dictionary<string, object?> { ["text"] = "落实", ["unitId"] = unitA, ["deadline"] = "2026-07-30" } },
    };

    Dictionary<string, object?> Partner() => new()
    {
        ["cityEn"] = $"Testville {++serial}", ["cityZh"] = $"测试市{serial}", ["country"] = "France", ["kind"] = "友好交流城市", ["yearEstablished"] = 2024,
        ["establishedOn"] = null, ["status"] = null, ["endedOn"] = null, ["notes"] = "无", ["source"] = "测试",
    };

    /// <summary>Sends one bad value into one field; the key is "METHOD /openapi/path field.path".</summary>
    Dictionary<string, Func<string, Task<HttpResponseMessage>>> Cases()
    {
        Task<HttpResponseMessage> Json(HttpClient client, HttpMethod method, string url, object body) =>
            client.SendAsync(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) });
        Dictionary<string, object?> With(Dictionary<string, object?> body, string field, string value) { body[field] = value; return body; }
        var post = HttpMethod.Post;
        var cases = new Dictionary<string, Func<string, Task<HttpResponseMessage>>>();

        foreach (var field in new[] { "userName", "password", "twoFactorCode" })
        {
            cases[$"POST /api/auth/token {field}"] = v => Json(app.Factory.CreateClient(), post, "/api/auth/token",
                With(new() { ["userName"] = "nobody", ["password"] = "Wrong-Password-1", ["twoFactorCode"] = null }, field, v));
        }
        cases["POST /api/auth/refresh refreshToken"] = v => app.Factory.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = v });
        foreach (var field in new[] { "currentPassword", "newPassword" })
        {
            // A fresh account each time: a new password that is accepted ends the account's tokens.
            cases[$"POST /api/me/password {field}"] = async v =>
            {
                using var client = await Accounts.BearerClientAsync(app.Factory, (await Accounts.CreateAsync(app.Factory, "liaison", "市交通运输局")).UserName!);
                return await Json(client, post, "/api/me/password",
                    With(new() { ["currentPassword"] = Accounts.Password, ["newPassword"] = "Another-Password-2026" }, field, v));
            };
        }
        cases["POST /api/reports text"] = async v =>
        {
            var (client, task, period) = freeSlots.Dequeue();
            return await client.PostAsJsonAsync("/api/reports", new { taskId = task, periodId = period, text = v });
        };
        cases["PUT /api/reports/{id} text"] = async v =>
        {
            using var current = JsonDocument.Parse(await draftOwner.GetStringAsync($"/api/reports/{reportDraft}"));
            return await draftOwner.PutAsJsonAsync($"/api/reports/{reportDraft}", new { text = v, version = current.RootElement.GetProperty("version").GetInt32() });
        };
        cases["POST /api/reports/{id}/attachments query:fileName"] = v =>
        {
            var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n")) { Headers = { ContentType = new("application/octet-stream") } };
            return draftOwner.PostAsync($"/api/reports/{reportDraft}/attachments?fileName={Uri.EscapeDataString(v)}", file);
        };
        cases["POST /api/reports/{id}/return comment"] = async v =>
        {
            using var current = JsonDocument.Parse(await office.GetStringAsync($"/api/reports/{reportSubmitted}"));
            if (current.RootElement.GetProperty("state").GetString() == "returned")
                await Ok(await submittedOwner.PostAsJsonAsync($"/api/reports/{reportSubmitted}/submit", new { }));
            return await office.PostAsJsonAsync($"/api/reports/{reportSubmitted}/return", new { comment = v });
        };
        cases["POST /api/reports/{id}/instructions text"] = v => leader.PostAsJsonAsync($"/api/reports/{reportSubmitted}/instructions", new { text = v });
        cases["POST /api/tasks/{id}/instructions text"] = v => leader.PostAsJsonAsync($"/api/tasks/{app.TaskIds[5]}/instructions", new { text = v });
        cases["POST /api/instructions/{id}/answer answer"] = async v =>
        {
            using var created = JsonDocument.Parse(await Ok(await leader.PostAsJsonAsync($"/api/tasks/{app.TaskIds[5]}/instructions", new { text = "请报告进展" })));
            return await liaison.PostAsJsonAsync($"/api/instructions/{created.RootElement[0].GetProperty("id").GetInt32()}/answer", new { answer = v });
        };
        cases["POST /api/targets/{id}/readings source"] = v =>
            liaison.PostAsJsonAsync($"/api/targets/{app.TargetId("国际地区航线")}/readings", new { value = 21, asOf = "2026-06-10", source = v });
        cases["POST /api/follows kind"] = v => liaison.PostAsJsonAsync("/api/follows", new { kind = v, id = app.TaskIds[5] });
        foreach (var field in new[] { "weComUrl", "quietFrom", "quietTo" })
            cases[$"PUT /api/me/notification-settings {field}"] = v => Json(liaison, HttpMethod.Put, "/api/me/notification-settings",
                new Dictionary<string, object?> { ["email"] = true, ["weCom"] = false, ["sms"] = false, ["digest"] = false, [field] = v });
        cases["PUT /api/notifications/robots/{id} url"] = v => office.PutAsJsonAsync($"/api/notifications/robots/{unitA}", new { url = v });
        foreach (var field in new[] { "subject", "relatesTo" })
        {
            cases[$"POST /api/notices {field}"] = v => Json(office, post, "/api/notices", With(new()
            {
                ["unitId"] = unitA, ["subject"] = "逾期未报", ["respondBy"] = "2026-06-30", ["relatesTo"] = $"owed:{app.Monthly(5).Id}:{app.TaskIds[5]}",
            }, field, v));
        }
        cases["POST /api/notices/{id}/answer answer"] = async v =>
        {
            using var issued = JsonDocument.Parse(await Ok(await office.PostAsJsonAsync("/api/notices",
                new { unitId = unitA, subject = "逾期未报", respondBy = "2026-06-30", relatesTo = $"owed:{app.Monthly(5).Id}:{app.TaskIds[5]}" })));
            return await liaison.PostAsJsonAsync($"/api/notices/{issued.RootElement.GetProperty("id").GetInt32()}/answer", new { answer = v });
        };
        cases["POST /api/notices/{id}/verify comment"] = async v =>
        {
            using var issued = JsonDocument.Parse(await Ok(await office.PostAsJsonAsync("/api/notices",
                new { unitId = unitA, subject = "逾期未报", respondBy = "2026-06-30", relatesTo = $"owed:{app.Monthly(5).Id}:{app.TaskIds[5]}" })));
            var id = issued.RootElement.GetProperty("id").GetInt32();
            await Ok(await liaison.PostAsJsonAsync($"/api/notices/{id}/answer", new { answer = "已报送" }));
            return await office.PostAsJsonAsync($"/api/notices/{id}/verify", new { close = false, comment = v });
        };
        cases["POST /api/receipts kind"] = v => liaison.PostAsJsonAsync("/api/receipts", new { kind = v, id = app.TaskIds[5] });
        cases["POST /api/reminders text"] = v => office.PostAsJsonAsync("/api/reminders", new { unitId = unitA, periodId = (int?)null, text = v });
        foreach (var field in new[] { "kind", "title", "place", "notes" })
            cases[$"POST /api/plans/{{id}}/meetings {field}"] = v => Json(office, post, $"/api/plans/{app.PlanId}/meetings", With(Meeting(), field, v));
        cases["POST /api/plans/{id}/meetings attendees.[]"] = v =>
        {
            var body = Meeting();
            body["attendees"] = new[] { v };
            return Json(office, post, $"/api/plans/{app.PlanId}/meetings", body);
        };
        cases["POST /api/plans/{id}/meetings decisions.[].text"] = v =>
        {
            var body = Meeting();
            body["decisions"] = new object[] { new Dictionary<string, object?> { ["text"] = v, ["unitId"] = unitA, ["deadline"] = "2026-07-30" } };
            return Json(office, post, $"/api/plans/{app.PlanId}/meetings", body);
        };
        cases["POST /api/followups/{id}/done note"] = async v =>
        {
            var response = await liaison.PostAsJsonAsync($"/api/followups/{followUp}/done", new { note = v });
            if (response.IsSuccessStatusCode) await Ok(await office.PostAsJsonAsync($"/api/followups/{followUp}/reopen", new { }));
            return response;
        };
        foreach (var field in new[] { "cityEn", "cityZh", "country", "kind", "establishedOn", "status", "endedOn", "notes", "source" })
        {
            cases[$"POST /api/partners {field}"] = v => Json(office, post, "/api/partners", With(Partner(), field, v));
            cases[$"PUT /api/partners/{{id}} {field}"] = v => Json(office, HttpMethod.Put, $"/api/partners/{partner}", With(Partner(), field, v));
        }
        foreach (var field in new[] { "type", "wuhanSide", "partnerSide" })
        {
            cases[$"POST /api/partners/{{id}}/pairs {field}"] = v => Json(office, post, $"/api/partners/{partner}/pairs",
                With(new() { ["type"] = "友好学校", ["wuhanSide"] = "武汉市第一中学", ["partnerSide"] = "Lycée Testville", ["year"] = 2024 }, field, v));
        }
        foreach (var field in new[] { "title", "field", "units" })
        {
            cases[$"POST /api/projects {field}"] = v => Json(office, post, "/api/projects",
                With(new() { ["title"] = "青少年交流", ["year"] = 2024, ["field"] = "教育", ["units"] = "市教育局", ["partnerIds"] = new[] { partner } }, field, v));
        }
        foreach (var field in new[] { "category", "title", "country", "who", "level", "hostUnit", "notes", "source" })
        {
            cases[$"POST /api/events {field}"] = v => Json(office, post, "/api/events", With(new()
            {
                ["category"] = "exhibition", ["title"] = "中国光谷国际光电子博览会", ["startsOn"] = "2026-05-20", ["endsOn"] = "2026-05-22", ["country"] = null,
                ["who"] = "", ["level"] = "国际", ["hostUnit"] = "市商务局", ["notes"] = "", ["source"] = "",
            }, field, v));
        }
        foreach (var field in new[] { "userName", "role", "displayName", "email", "phone" })
        {
            cases[$"POST /api/accounts {field}"] = v => Json(office, post, "/api/accounts", With(new()
            {
                ["userName"] = $"bad-input-{++serial}", ["role"] = "leader", ["unitId"] = null, ["displayName"] = "王强", ["email"] = null, ["phone"] = null,
            }, field, v));
        }
        cases["PUT /api/accounts/{id} role"] = async v =>
            await office.PutAsJsonAsync($"/api/accounts/{(await Accounts.CreateAsync(app.Factory, "leader")).Id}", new { role = v, unitId = (int?)null });
        cases["PUT /api/targets/{id}/binding binding"] = v => office.PutAsJsonAsync($"/api/targets/{app.TargetId("国际友城")}/binding", new { binding = v });
        cases["PUT /api/targets/{id}/rule kind"] = v => office.PutAsJsonAsync($"/api/targets/{app.TargetId("国际友城")}/rule", new { kind = v, baseline = 127 });
        cases["PUT /api/targets/{id}/rule timeProfile"] = v => office.PutAsJsonAsync($"/api/targets/{app.TargetId("国际友城")}/rule", new { kind = "level", timeProfile = v });
        cases["PUT /api/plans/{id}/lifecycle state"] = v => office.PutAsJsonAsync($"/api/plans/{app.PlanId}/lifecycle", new { state = v });
        cases["POST /api/evaluations title"] = v =>
            office.PostAsJsonAsync("/api/evaluations", new { planId = app.PlanId, title = v, closesAt = JiaowangFactory.Today.AddDays(3), unitIds = (int[]?)null });
        cases["POST /api/evaluations/{id}/close-request reason"] = v => office.PostAsJsonAsync($"/api/evaluations/{evaluation}/close-request", new { reason = v });
        cases["POST /api/evaluations/{id}/ballots answers.[].satisfaction"] = v => voters.Peek().PostAsJsonAsync($"/api/evaluations/{evaluation}/ballots",
            new { answers = ballotUnits.Select((u, i) => new { unitId = u, satisfaction = i == 0 ? v : "satisfied", comment = (string?)null }) });
        cases["POST /api/evaluations/{id}/ballots answers.[].comment"] = v => voters.Dequeue().PostAsJsonAsync($"/api/evaluations/{evaluation}/ballots",
            new { answers = ballotUnits.Select((u, i) => new { unitId = u, satisfaction = "satisfied", comment = i == 0 ? v : null }) });
        foreach (var field in new[] { "name", "post", "title", "userName" })
        {
            Dictionary<string, object?> Member(string v) => With(new() { ["name"] = "张副市长", ["post"] = "head", ["title"] = "市政府副市长", ["unitId"] = null, ["userName"] = null }, field, v);
            cases[$"POST /api/plans/{{id}}/leading-group {field}"] = v => Json(office, post, $"/api/plans/{app.PlanId}/leading-group", Member(v));
            cases[$"PUT /api/leading-group/{{id}} {field}"] = async v =>
            {
                leadingGroupMember ??= JsonDocument.Parse(await Ok(await office.PostAsJsonAsync($"/api/plans/{app.PlanId}/leading-group",
                    new { name = "李主任", post = "deputyHead", title = "市委外办主任" }))).RootElement.GetProperty("id").GetInt32();
                return await Json(office, HttpMethod.Put, $"/api/leading-group/{leadingGroupMember}", Member(v));
            };
        }
        cases["POST /api/reports/{id}/send-back comment"] = async v =>
        {
            var (report, unitLeader, owner) = awaitingApproval ??= await AwaitingApprovalAsync();
            using var current = JsonDocument.Parse(await office.GetStringAsync($"/api/reports/{report}"));
            if (current.RootElement.GetProperty("state").GetString() == "returned")
                await Ok(await owner.PostAsJsonAsync($"/api/reports/{report}/submit", new { }));
            return await unitLeader.PostAsJsonAsync($"/api/reports/{report}/send-back", new { comment = v });
        };
        // 家在武汉: the anonymous signage form (multipart) and the directory's filters.
        var anonymous = app.Factory.CreateClient();
        foreach (var field in new[] { "place", "textSeen", "suggested" })
        {
            cases[$"POST /api/services/signage-reports {field}"] = v =>
            {
                var form = new Dictionary<string, string> { ["place"] = "江汉路地铁站", ["textSeen"] = "Jianghan Road Stashion", ["suggested"] = "Jianghan Road Station" };
                form[field] = v;
                var content = new MultipartFormDataContent();
                foreach (var (name, value) in form) content.Add(new StringContent(value), name);
                return anonymous.PostAsync("/api/services/signage-reports", content);
            };
        }
        cases["GET /api/services/places query:lang"] = v => anonymous.GetAsync("/api/services/places?lang=" + Uri.EscapeDataString(v));
        cases["GET /api/services/places query:district"] = v => anonymous.GetAsync("/api/services/places?district=" + Uri.EscapeDataString(v));
        AddInstrumentCases(cases);
        // Units' work plans (具体工作方案): the liaison of 市交通运输局 writes one for its first task; the office reviews it.
        async Task<(int Task, int Plan)> WorkPlanAsync()
        {
            var task = (await liaison.GetFromJsonAsync<JsonArray>("/api/me/tasks"))![0]!["id"]!.GetValue<int>();
            using var saved = JsonDocument.Parse(await Ok(await liaison.PutAsJsonAsync($"/api/tasks/{task}/workplan", new { text = "方案", measures = new[] { new { text = "举措", start = (string?)null, due = "2026-09-30" } } })));
            return (task, saved.RootElement.GetProperty("id").GetInt32());
        }
        cases["PUT /api/tasks/{id}/workplan text"] = async v =>
            await liaison.PutAsJsonAsync($"/api/tasks/{(await WorkPlanAsync()).Task}/workplan", new { text = v, measures = Array.Empty<object>() });
        cases["PUT /api/tasks/{id}/workplan measures.[].text"] = async v =>
            await liaison.PutAsJsonAsync($"/api/tasks/{(await WorkPlanAsync()).Task}/workplan", new { text = "方案", measures = new[] { new { text = v, start = (string?)null, due = (string?)null } } });
        cases["POST /api/workplans/{id}/file query:fileName"] = async v =>
        {
            var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n")) { Headers = { ContentType = new("application/octet-stream") } };
            return await liaison.PostAsync($"/api/workplans/{(await WorkPlanAsync()).Plan}/file?fileName={Uri.EscapeDataString(v)}", file);
        };
        // Each review starts from a freshly submitted plan (saving it sends it back to the office).
        cases["POST /api/workplans/{id}/accept comment"] = async v => await office.PostAsJsonAsync($"/api/workplans/{(await WorkPlanAsync()).Plan}/accept", new { comment = v });
        cases["POST /api/workplans/{id}/return comment"] = async v => await office.PostAsJsonAsync($"/api/workplans/{(await WorkPlanAsync()).Plan}/return", new { comment = v });
        // Progress on a measure of the draft report's task.
        async Task<int> MeasureAsync()
        {
            using var report = JsonDocument.Parse(await draftOwner.GetStringAsync($"/api/reports/{reportDraft}"));
            var task = report.RootElement.GetProperty("taskId").GetInt32();
            await using var scope = app.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JiaowangDb>();
            var measure = db.Measures.FirstOrDefault(m => m.PlanTaskId == task);
            if (measure is null)
            {
                measure = new Jiaowang.Core.Plans.Measure { PlanTaskId = task, Position = 0, Text = "一是测试举措" };
                db.Measures.Add(measure);
                await db.SaveChangesAsync();
            }
            return measure.Id;
        }
        cases["PUT /api/reports/{id}/measures items.[].status"] = async v =>
            await draftOwner.PutAsJsonAsync($"/api/reports/{reportDraft}/measures", new { items = new[] { new { measureId = (int?)await MeasureAsync(), workPlanMeasureId = (int?)null, status = v, note = "进展" } } });
        cases["PUT /api/reports/{id}/measures items.[].note"] = async v =>
            await draftOwner.PutAsJsonAsync($"/api/reports/{reportDraft}/measures", new { items = new[] { new { measureId = (int?)await MeasureAsync(), workPlanMeasureId = (int?)null, status = "inProgress", note = v } } });
        return cases;
    }

    int? leadingGroupMember;
    (int Report, HttpClient Leader, HttpClient Owner)? awaitingApproval;

    /// <summary>Unit A's report for task 5 in August, submitted into its leader's approval queue.</summary>
    async Task<(int, HttpClient, HttpClient)> AwaitingApprovalAsync()
    {
        await Ok(await office.PutAsJsonAsync($"/api/units/{unitA}/approval", new { required = true }));
        var unitLeader = await Accounts.BearerClientAsync(app.Factory, (await Accounts.CreateAsync(app.Factory, "leader", "市交通运输局")).UserName!);
        using var created = JsonDocument.Parse(await Ok(await liaison.PostAsJsonAsync("/api/reports", new { taskId = app.TaskIds[5], periodId = app.Monthly(8).Id, text = "待审签" })));
        var report = created.RootElement.GetProperty("id").GetInt32();
        await Ok(await liaison.PostAsJsonAsync($"/api/reports/{report}/submit", new { }));
        return (report, unitLeader, liaison);
    }
}
