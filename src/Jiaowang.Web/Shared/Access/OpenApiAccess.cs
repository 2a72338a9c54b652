using System.Globalization;
using System.Text.RegularExpressions;
using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Jiaowang.Web.Shared.Access;

/// <summary>
/// The OpenAPI document says what a generated client must know about access: the two ways to sign in (a bearer token
/// from <c>POST /api/auth/token</c>, or the browser's cookie), which operations need which, and the refusals they
/// answer with (401 without credentials, 403 for the wrong role), each as RFC 7807 problem details. Everything is
/// read from the endpoints' own authorization metadata, so a new endpoint is described without extra work.
/// </summary>
public static class OpenApiAccess
{
    public const string Bearer = "bearer";
    public const string Cookie = "cookie";

    public static IServiceCollection AddJiaowangOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Description = "Jiaowang's API. Scripts sign in at POST /api/auth/token and send the access token as a bearer token; "
                    + "the browser pages use the sign-in cookie. Refusals are RFC 7807 problem details with the reason in the caller's language.";
                // Relative to where the client found the document: the server's own view of its address (behind a proxy) is not it.
                document.Servers = [new OpenApiServer { Url = "/", Description = "The server that served this document." }];
                document.Info.License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" };
                document.Tags = Tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }).ToHashSet();
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer",
                    Description = "The access token from POST /api/auth/token (an opaque token, not a JWT); renew it at POST /api/auth/refresh.",
                };
                document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = AccountsSetup.CookieName,
                    Description = "The sign-in cookie the browser gets at /account/login; writes with it must come from the site itself.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer<AccessTransformer>();
        });

    /// <summary>What each group of operations is about, in the plan's words.</summary>
    static readonly Dictionary<string, string> Tags = new()
    {
        ["Accounts"] = "Signing in for scripts (bearer tokens) and the caller's own account.",
        ["Plans"] = "The published plan: targets, tasks, responsible units, phases.",
        ["Units"] = "Responsible units (责任单位) and what the plan asks of each.",
        ["Targets"] = "Targets (指标) with their readings and status; units record readings.",
        ["Periods"] = "Reporting periods (报送周期): monthly, stage and final.",
        ["Reports"] = "Progress reports (进展报告) written by units and reviewed by the office, with attachments.",
        ["Instructions"] = "Leaders' instructions (批示) and the units' answers.",
        ["Reminders"] = "Reminders (催报) from the office to units.",
        ["Meetings"] = "Meetings and inspections (会议、视察) and their follow-up items (议定事项).",
        ["Evaluations"] = "Satisfaction votes (满意度测评) by council members.",
        ["Dashboard"] = "Figures for the office and leaders.",
        ["Documents"] = "Word documents: the bulletin (简报) and the summary (总结).",
        ["Excel"] = "Excel export of the plan and import of readings.",
        ["Audit"] = "The tamper-evident audit log.",
        ["Partners"] = "Partner cities (友好城市) and their exchanges.",
        ["Events"] = "International events in the city.",
        ["Calendar"] = "Anniversaries of partnerships as an iCalendar feed.",
    };

    sealed class AccessTransformer(IAuthorizationPolicyProvider policies) : IOpenApiOperationTransformer
    {
        public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
        {
            var description = context.Description;
            operation.OperationId ??= OperationId(description.HttpMethod ?? "GET", description.RelativePath ?? "");
            var metadata = description.ActionDescriptor.EndpointMetadata;

            operation.Responses ??= new OpenApiResponses();
            if (metadata.OfType<IAllowAnonymous>().Any() || await PolicyAsync(metadata) is not { } policy)
            {
                // Explicitly none: an operation anyone may call.
                operation.Security = [];
            }
            else
            {
                var schemes = policy.AuthenticationSchemes.Count > 0 && policy.AuthenticationSchemes.All(s => s == IdentityConstants.BearerScheme)
                    ? [Bearer]
                    : new[] { Bearer, Cookie };
                // Each requirement is one way in: a bearer token, or else the cookie.
                operation.Security = schemes.Select(s => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(s, context.Document)] = [] }).ToList();
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No credentials, or expired ones." });
                if (policy.Requirements.Any(r => r is not DenyAnonymousAuthorizationRequirement))
                    operation.Responses.TryAdd("403", new OpenApiResponse { Description = "Signed in, but not in a role that may do this." });
            }

            // A parameter or body that does not bind (or breaks the text input rule) is refused before the handler runs.
            if (operation.Parameters is { Count: > 0 } || operation.RequestBody is not null)
                operation.Responses.TryAdd("400", new OpenApiResponse { Description = "A parameter or the body is not what the operation takes." });

            // Every refusal without a body of its own is sent as problem details (UseStatusCodePages on /api).
            foreach (var (status, response) in operation.Responses)
            {
                if (!status.StartsWith('4') || response is not OpenApiResponse { } concrete) continue;
                if (concrete.Content is { Count: > 0 }) continue;
                concrete.Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: ct) },
                };
                if (string.IsNullOrEmpty(concrete.Description) || concrete.Description == status)
                    concrete.Description = ReasonPhrase(status);
            }
        }

        /// <summary>What the endpoint requires, as the authorization middleware combines it; null when nothing (anonymous).</summary>
        async Task<AuthorizationPolicy?> PolicyAsync(IList<object> metadata) =>
            await AuthorizationPolicy.CombineAsync(policies, metadata.OfType<IAuthorizeData>(), metadata.OfType<AuthorizationPolicy>())
            ?? await policies.GetFallbackPolicyAsync();

        static string ReasonPhrase(string status) =>
            int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                ? Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(code)
                : status;
    }

    /// <summary>
    /// A stable id from the method and the route: <c>POST api/reports/{id}/submit</c> becomes <c>postReportsByIdSubmit</c>,
    /// <c>GET partners/export.{format:regex(…)}</c> <c>getPartnersExportByFormat</c>. Unique because method and route are;
    /// it changes only when the route does.
    /// </summary>
    public static string OperationId(string method, string relativePath)
    {
        var path = Regex.Replace(relativePath.Split('?')[0], @"\{([A-Za-z0-9_]+)[^}]*\}", m => "/By" + Pascal(m.Groups[1].Value) + "/");
        var words = Regex.Split(path, "[^A-Za-z0-9]+").Where(w => w.Length > 0).SkipWhile(w => w == "api").Select(Pascal);
        return method.ToLowerInvariant() + string.Concat(words);
    }

    static string Pascal(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
