using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Reminders;
using Jiaowang.Web.Shared.Access;
using Jiaowang.Web.Tests.Supervision;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Jiaowang.Web.Tests.Security;

/// <summary>
/// Every endpoint and page the app maps, read from its own endpoint data source, called as an attacker would:
/// anonymously, with the wrong role, as another unit's liaison on this unit's ids, and from another origin. An endpoint
/// nobody classified (public allow-list below, a role policy, or <see cref="ScopedToAttribute"/>) fails the test.
/// </summary>
public sealed class EndpointSweepTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>What anonymous visitors may call: the published plan, the partner network, signing in. Nothing else.</summary>
    static readonly HashSet<string> PublicAllowList =
    [
        "PAGE /", "PAGE /plans/{id:int}", "PAGE /units/{id:int}", "PAGE /tasks/{id:int}",
        "PAGE /partners", "PAGE /partners/{id:int}", "PAGE /partners/map", "PAGE /partners/calendar", "PAGE /world", "PAGE /events",
        "PAGE /account/login", "PAGE /account/denied", "PAGE /error/{code:int?}",
        "POST /api/auth/token", "POST /api/auth/refresh",
        "GET /api/plans/", "GET /api/plans/{id:int}", "GET /api/units/", "GET /api/units/{id:int}",
        "GET /api/partners/", "GET /api/partners/{id:int}", "GET /api/partners/counts", "GET /api/events/",
        "GET /calendar/anniversaries.ics", "GET /openapi/{documentName}.json", "GET /healthz", "GET /readyz",
        // 家在武汉, the public services portal for foreign residents: its pages in every language, the directory, signage feedback.
        "PAGE /services", "PAGE /{lang:portallang}/services", "PAGE /{lang:portallang}/services/places", "PAGE /{lang:portallang}/services/places/{id:int}",
        "PAGE /{lang:portallang}/services/guides", "PAGE /{lang:portallang}/services/guides/{slug}", "PAGE /{lang:portallang}/services/signage",
        "PAGE /{lang:portallang}/services/signage/{reference}", "PAGE /sitemap.xml",
        "GET /api/services/places", "GET /api/services/places/{id:int}", "GET /api/services/counts",
        "POST /api/services/signage-reports", "GET /api/services/signage-reports/{reference}",
    ];

    static readonly string[] StaffAndPublicRoles = ["office", "admin", "leader", "liaison", "member"];
    static readonly string[] UnsafeMethods = ["POST", "PUT", "PATCH", "DELETE"];

    /// <summary>Text written into unit A's rows only; no response to anyone outside unit A and the staff may contain it.</summary>
    static readonly string Secret = $"甲单位内部-{Guid.NewGuid():N}";

    SupervisionApp app = null!;
    readonly Dictionary<string, HttpClient> bearer = [];
    readonly Dictionary<string, HttpClient> cookie = [];
    int unitA, unitB, reportA, attachmentA, targetA, followUpA, instructionA, noticeA, workPlanA;
    int requests;

    public async Task InitializeAsync()
    {
        app = await SupervisionApp.StartAsync(DatabaseProvider.Sqlite,
            services => services.Configure<ReminderOptions>(o => o.Automatic = false));
        unitA = app.UnitIds["市交通运输局"];
        unitB = app.UnitIds["市商务局"];
        foreach (var role in StaffAndPublicRoles.Append("liaisonB"))
        {
            var account = role switch
            {
                "liaison" => await Accounts.CreateAsync(app.Factory, "liaison", "市交通运输局"),
                "liaisonB" => await Accounts.CreateAsync(app.Factory, "liaison", "市商务局"),
                _ => await Accounts.CreateAsync(app.Factory, role),
            };
            bearer[role] = await Accounts.BearerClientAsync(app.Factory, account.UserName!);
            cookie[role] = await Accounts.CookieClientAsync(app.Factory, account.UserName!);
        }
        await MakeUnitAsDataAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var client in bearer.Values.Concat(cookie.Values)) client.Dispose();
        await app.DisposeAsync();
    }

    /// <summary>Unit A's draft report with an attachment, a target assigned to A with A's reading, a follow-up A owns, and an instruction to A.</summary>
    async Task MakeUnitAsDataAsync()
    {
        var liaison = bearer["liaison"];
        var created = await liaison.PostAsJsonAsync("/api/reports", new { taskId = app.TaskIds[5], periodId = app.Monthly(5).Id, text = $"草稿 {Secret}" });
        reportA = await IdAsync(created);
        var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        attachmentA = await IdAsync(await liaison.PostAsync($"/api/reports/{reportA}/attachments?fileName={Uri.EscapeDataString(Secret)}.pdf", file));

        // Unit A's own work plan (具体工作方案) for its task, with an uploaded document.
        workPlanA = await IdAsync(await liaison.PutAsJsonAsync($"/api/tasks/{app.TaskIds[5]}/workplan",
            new { text = $"工作方案 {Secret}", measures = new[] { new { text = $"举措 {Secret}", start = (string?)null, due = "2026-09-30" } } }));
        var planFile = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")) { Headers = { ContentType = new("application/octet-stream") } };
        (await liaison.PostAsync($"/api/workplans/{workPlanA}/file?fileName={Uri.EscapeDataString(Secret)}.pdf", planFile)).EnsureSuccessStatusCode();

        targetA = app.TargetId("国际地区航线");
        (await bearer["office"].PutAsJsonAsync($"/api/targets/{targetA}/units", new { unitIds = new[] { unitA } })).EnsureSuccessStatusCode();
        (await liaison.PostAsJsonAsync($"/api/targets/{targetA}/readings", new { value = 21, asOf = "2026-06-10", source = Secret })).EnsureSuccessStatusCode();

        var meeting = await bearer["office"].PostAsJsonAsync($"/api/plans/{app.PlanId}/meetings", new
        {
            kind = "officeMeeting", title = "领导小组办公室会议", heldOn = "2026-06-10",
            decisions = new[] { new { text = $"落实航线 {Secret}", unitId = unitA, deadline = "2026-07-30" } },
        });
        meeting.EnsureSuccessStatusCode();
        using (var json = JsonDocument.Parse(await meeting.Content.ReadAsStringAsync()))
            followUpA = json.RootElement.GetProperty("decisions")[0].GetProperty("id").GetInt32();

        (await liaison.PostAsJsonAsync($"/api/reports/{reportA}/submit", new { })).EnsureSuccessStatusCode();
        var instructed = await bearer["leader"].PostAsJsonAsync($"/api/reports/{reportA}/instructions", new { text = $"请抓紧 {Secret}" });
        instructed.EnsureSuccessStatusCode();
        using (var json = JsonDocument.Parse(await instructed.Content.ReadAsStringAsync()))
            instructionA = json.RootElement[0].GetProperty("id").GetInt32();
        // A supervision notice to unit A (督办单), about its report.
        var noticed = await bearer["office"].PostAsJsonAsync("/api/notices", new { unitId = unitA, subject = $"督办 {Secret}", respondBy = "2026-06-30", relatesTo = $"report:{reportA}" });
        using (var json = JsonDocument.Parse(await noticed.EnsureSuccessStatusCode().Content.ReadAsStringAsync()))
            noticeA = json.RootElement.GetProperty("id").GetInt32();
        // A second draft keeps a draft state in unit A's record for the pages to (not) show.
        (await liaison.PostAsJsonAsync("/api/reports", new { taskId = app.TaskIds[5], periodId = app.Monthly(6).Id, text = $"六月草稿 {Secret}" })).EnsureSuccessStatusCode();
    }

    static async Task<int> IdAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Every_endpoint_is_classified_and_refuses_strangers_wrong_roles_other_units_and_other_origins()
    {
        var endpoints = await DescribeEndpointsAsync();
        var problems = new List<string>();
        problems.AddRange(endpoints.Where(e => e.Class == "unclassified")
            .Select(e => $"{e.Key}: not classified (add it to the public allow-list, give it a role policy, or declare .ScopedTo(...)); metadata: {e.Metadata}"));

        var before = Fingerprint();
        foreach (var endpoint in endpoints.Where(e => e.Class != "unclassified"))
        {
            foreach (var method in endpoint.Methods)
            {
                await CheckAnonymousAsync(endpoint, method, problems);
                await CheckWrongRoleAsync(endpoint, method, problems);
                await CheckOtherUnitAsync(endpoint, method, problems);
                await CheckOtherOriginAsync(endpoint, method, problems);
            }
        }
        var after = Fingerprint();
        if (Difference(before, after) is { Length: > 0 }) problems.Add("a refused request changed stored data: " + Difference(before, after));

        var summary = $"Endpoint sweep: {endpoints.Count} endpoints ({endpoints.Count(e => e.Class == "public")} public, " +
            $"{endpoints.Count(e => e.Class == "role")} by role, {endpoints.Count(e => e.Class == "scoped")} scoped to their data), " +
            $"{requests} requests, {problems.Count} problems";
        output.WriteLine(summary);
        if (Environment.GetEnvironmentVariable("JIAOWANG_SWEEP_REPORT") is { Length: > 0 } report) File.WriteAllText(report, summary + "\n");
        Assert.True(problems.Count == 0, summary + "\n" + string.Join("\n", problems));
        // A sweep that found nothing to check would pass vacuously.
        Assert.True(endpoints.Count > 80, summary);
    }

    sealed record Endpoint(string Pattern, bool IsPage, string[] Methods, string Class, string[] AllowedRoles, bool BearerOnly, Scope? Scope,
        bool TakesForm, string Metadata)
    {
        public string Key => (IsPage ? "PAGE " : string.Join(",", Methods) + " ") + Pattern;
        public bool IsApi => !IsPage;
    }

    async Task<List<Endpoint>> DescribeEndpointsAsync()
    {
        var source = app.Factory.Services.GetRequiredService<EndpointDataSource>();
        var policies = app.Factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var found = new List<Endpoint>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var metadata = endpoint.Metadata;
            if (metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal)))
            {
                Assert.True(metadata.GetMetadata<IAllowAnonymous>() is not null, $"static file {endpoint.RoutePattern.RawText} needs sign-in");
                continue;
            }
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            // The static-assets fallback for files added while the app runs: it serves wwwroot only, under the fallback policy.
            if (pattern == "/{**path:file}" && metadata.Any(m => m.GetType().Name == "FallbackMetadata")) continue;
            var isPage = metadata.GetMetadata<PageActionDescriptor>() is not null;
            var methods = isPage ? ["GET", "POST"] : metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToArray() ?? ["GET"];
            var scope = metadata.GetMetadata<ScopedToAttribute>()?.Scope;

            var roles = StaffAndPublicRoles.AsEnumerable();
            var bearerOnly = false;
            foreach (var data in metadata.GetOrderedMetadata<IAuthorizeData>())
            {
                if (data.Roles is { } r) roles = roles.Intersect(r.Split(','), StringComparer.OrdinalIgnoreCase);
                if (data.Policy is null) continue;
                var policy = await policies.GetPolicyAsync(data.Policy);
                foreach (var requirement in policy!.Requirements.OfType<RolesAuthorizationRequirement>())
                    roles = roles.Where(role => requirement.AllowedRoles.Contains(role, StringComparer.OrdinalIgnoreCase));
                bearerOnly |= policy.AuthenticationSchemes.Count > 0;
            }
            var allowed = roles.ToArray();
            var key = (isPage ? "PAGE " : "") + pattern;
            var isPublic = metadata.GetMetadata<IAllowAnonymous>() is not null;
            string cls;
            if (isPublic) cls = isPage ? (PublicAllowList.Contains(key) ? "public" : "unclassified")
                : methods.All(m => PublicAllowList.Contains($"{m} {pattern}")) ? "public" : "unclassified";
            else if (allowed.Intersect(["liaison", "member"]).Any()) cls = scope is null ? "unclassified" : "scoped";
            else cls = "role";
            var takesForm = metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Any(t => t.StartsWith("multipart/", StringComparison.Ordinal)) == true;
            found.Add(new Endpoint(pattern, isPage, methods, cls, allowed, bearerOnly, scope, takesForm,
                string.Join(" ", metadata.Select(m => m.GetType().Name).Distinct())));
        }
        return found;
    }

    // --- 1. Strangers: anything not public asks them to sign in.
    async Task CheckAnonymousAsync(Endpoint endpoint, string method, List<string> problems)
    {
        using var anonymous = app.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await SendAsync(anonymous, endpoint, method, Route(endpoint, ownedByA: false), withToken: null);
        var body = await response.Content.ReadAsStringAsync();
        if (endpoint.Class == "public")
        {
            if ((int)response.StatusCode >= 500) problems.Add($"{method} {endpoint.Pattern} anonymous: {(int)response.StatusCode}");
            if (body.Contains(Secret)) problems.Add($"{method} {endpoint.Pattern} anonymous: shows unit A's internal text");
            return;
        }
        // Programs (/api) get 401; a browser following a link (pages, downloads) is sent to the sign-in page.
        var toSignIn = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/login") == true;
        var signInAsked = endpoint.Pattern.StartsWith("/api/", StringComparison.Ordinal) ? response.StatusCode == HttpStatusCode.Unauthorized
            : endpoint.IsPage ? toSignIn
            : toSignIn || response.StatusCode == HttpStatusCode.Unauthorized;
        if (!signInAsked) problems.Add($"{method} {endpoint.Pattern} anonymous: {(int)response.StatusCode}, expected {(endpoint.IsApi ? "401" : "a redirect to sign in")}");
    }

    // --- 2. Signed in, but in a role the policy does not admit.
    async Task CheckWrongRoleAsync(Endpoint endpoint, string method, List<string> problems)
    {
        if (endpoint.Class == "public") return;
        var outsider = StaffAndPublicRoles.FirstOrDefault(role => !endpoint.AllowedRoles.Contains(role));
        if (outsider is null) return;
        var client = endpoint.IsApi ? bearer[outsider] : cookie[outsider];
        var response = await SendAsync(client, endpoint, method, Route(endpoint, ownedByA: true), withToken: client);
        if (!IsRefusal(endpoint, response, allowNotFound: false))
            problems.Add($"{method} {endpoint.Pattern} as {outsider}: {(int)response.StatusCode}, expected 403");
    }

    // --- 3. Unit B's liaison on unit A's ids, and anything unit B reaches must not show unit A's internal text.
    async Task CheckOtherUnitAsync(Endpoint endpoint, string method, List<string> problems)
    {
        if (endpoint.Class == "public" || !endpoint.AllowedRoles.Contains("liaison")) return;
        var client = endpoint.IsApi ? bearer["liaisonB"] : cookie["liaisonB"];
        var route = Route(endpoint, ownedByA: true);
        var response = await SendAsync(client, endpoint, method, route, withToken: client);
        var body = await response.Content.ReadAsStringAsync();
        if (body.Contains(Secret)) problems.Add($"{method} {route} as unit B's liaison: shows unit A's internal text");
        var namesUnitA = endpoint.Scope is Scope.Report or Scope.Attachment or Scope.Target or Scope.FollowUp or Scope.Instruction or Scope.Notice or Scope.WorkPlan
            && route.Contains('/') && Regex.IsMatch(endpoint.Pattern, @"\{(id|attachmentId)\b");
        if ((namesUnitA || UnsafeMethods.Contains(method)) && !IsRefusal(endpoint, response, allowNotFound: true) && (int)response.StatusCode != 400)
            problems.Add($"{method} {route} as unit B's liaison: {(int)response.StatusCode}, expected 403 or 404");
    }

    // --- 4. A state change with the ambient cookie from another origin (CSRF), and a form post without its antiforgery token.
    async Task CheckOtherOriginAsync(Endpoint endpoint, string method, List<string> problems)
    {
        if (!UnsafeMethods.Contains(method)) return;
        var role = endpoint.Class == "public" ? "office" : StaffAndPublicRoles.FirstOrDefault(endpoint.AllowedRoles.Contains);
        if (role is null) return;
        var client = cookie[role];
        var route = Route(endpoint, ownedByA: true);
        if (endpoint.IsPage)
        {
            // No antiforgery token: the form must be refused whoever is signed in.
            var response = await SendAsync(client, endpoint, method, route, withToken: null);
            // 404/405: the page has no form to post (the error page); nothing ran.
            if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed))
                problems.Add($"{method} {route} without an antiforgery token as {role}: {(int)response.StatusCode}, expected 400");
            return;
        }
        if (endpoint.Class == "public") return;
        foreach (var (header, value) in new[] { ("Origin", "https://evil.example"), ("Sec-Fetch-Site", "same-site") })
        {
            var response = await SendAsync(client, endpoint, method, route, withToken: null, (header, value));
            if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized))
                problems.Add($"{method} {route} with {role}'s cookie and {header}: {value}: {(int)response.StatusCode}, expected 403");
        }
    }

    static bool IsRefusal(Endpoint endpoint, HttpResponseMessage response, bool allowNotFound)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden || (allowNotFound && response.StatusCode == HttpStatusCode.NotFound)) return true;
        if (endpoint.BearerOnly && response.StatusCode == HttpStatusCode.Unauthorized) return true;
        return endpoint.IsPage && response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location?.OriginalString.Contains("/account/denied") == true;
    }

    /// <summary>The route with its parameters filled: unit A's rows for scoped endpoints, the Wuhan plan otherwise.</summary>
    string Route(Endpoint endpoint, bool ownedByA)
    {
        var ownId = !ownedByA ? app.PlanId : endpoint.Scope switch
        {
            Scope.Report or Scope.Attachment => reportA,
            Scope.Target => targetA,
            Scope.FollowUp => followUpA,
            Scope.Instruction => instructionA,
            Scope.Notice => noticeA,
            Scope.WorkPlan => workPlanA,
            _ => app.PlanId,
        };
        var route = Regex.Replace(endpoint.Pattern, @"\{\*{0,2}(\w+)[^}]*\}", m => m.Groups[1].Value switch
        {
            "id" => ownId.ToString(),
            "attachmentId" => attachmentA.ToString(),
            // Office-only unit and task pieces: any existing id will do, the role decides.
            "memberId" or "groupId" or "taskId" => app.PlanId.ToString(),
            "code" => "404",
            "format" => "csv",
            "documentName" => "v1",
            "kind" => "task",
            "lang" => "en",
            "slug" => "work-permit",
            "reference" => "BS-AAAAAAAA",
            var other => throw new InvalidOperationException($"{endpoint.Pattern}: the sweep does not know how to fill {{{other}}}"),
        });
        return route.Replace("//", "/");
    }

    /// <summary>A plausible body, so that a refusal is the access rule's and not the validator's.</summary>
    HttpContent Body(Endpoint endpoint, string method) => (method, endpoint.Pattern) switch
    {
        ("POST", "/api/reports/") => JsonContent.Create(new { taskId = app.TaskIds[5], periodId = app.Monthly(7).Id, text = "乙单位代写" }),
        ("PUT", "/api/reports/{id:int}") => JsonContent.Create(new { text = "乙单位改写", version = 2 }),
        ("POST", "/api/targets/{id:int}/readings") => JsonContent.Create(new { value = 22, asOf = "2026-06-14", source = "乙单位" }),
        ("POST", "/api/instructions/{id:int}/answer") => JsonContent.Create(new { answer = "乙单位代答" }),
        ("POST", "/api/notices/{id:int}/answer") => JsonContent.Create(new { answer = "乙单位代答" }),
        ("POST", "/api/receipts") => JsonContent.Create(new { kind = "notice", id = noticeA }),
        ("POST", "/api/followups/{id:int}/done") => JsonContent.Create(new { note = "乙单位代办" }),
        ("POST", "/api/reports/{id:int}/attachments/") => new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"))
            { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } },
        ("POST", "/api/workplans/{id:int}/file") => new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"))
            { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } },
        _ when endpoint.TakesForm => new MultipartFormDataContent { { new ByteArrayContent("a,b\n"u8.ToArray()), "file", "x.csv" } },
        _ when endpoint.IsPage => new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }),
        _ => JsonContent.Create(new { }),
    };

    async Task<HttpResponseMessage> SendAsync(HttpClient client, Endpoint endpoint, string method, string route, HttpClient? withToken,
        (string Name, string Value)? header = null)
    {
        requests++;
        var request = new HttpRequestMessage(new HttpMethod(method), route + ((route.Contains("attachments") || route.EndsWith("/file", StringComparison.Ordinal)) && method == "POST" ? "?fileName=b.pdf" : ""));
        if (method != "GET") request.Content = Body(endpoint, method);
        if (header is { } h) request.Headers.TryAddWithoutValidation(h.Name, h.Value);
        return await client.SendAsync(request);
    }

    /// <summary>
    /// Every stored row but those that change by merely signing in (accounts' sign-in counters, tokens) or by being
    /// refused (the audit log may record a refusal): a refused request must leave the rest exactly as it was.
    /// </summary>
    Dictionary<string, string> Fingerprint()
    {
        var skipped = new[] { "AuditLog", "AuditEntries", "AspNetUsers", "AspNetUserTokens", "__EFMigrationsHistory", "DataProtectionKeys", "SignIn" };
        var tables = new Dictionary<string, string>();
        using var connection = new SqliteConnection(app.Factory.Database.ConnectionString + ";Mode=ReadOnly");
        connection.Open();
        var names = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read()) names.Add(reader.GetString(0));
        }
        foreach (var name in names.Where(n => !skipped.Any(s => n.StartsWith(s, StringComparison.Ordinal))))
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{name}\" ORDER BY 1";
            using var reader = select.ExecuteReader();
            var rows = new StringBuilder();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++) rows.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('\u001f');
                rows.Append('\n');
            }
            tables[name] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(rows.ToString())));
        }
        return tables;
    }

    static string Difference(Dictionary<string, string> before, Dictionary<string, string> after) =>
        string.Join(", ", after.Keys.Union(before.Keys).Where(k => before.GetValueOrDefault(k) != after.GetValueOrDefault(k)));
}
