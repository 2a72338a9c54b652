using Jiaowang.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Accounts;

/// <summary>
/// Account administration for the office and admins (<c>/api/accounts</c>). What each may do to whom is decided by
/// <see cref="AccountService"/>; these handlers only bind, call and translate the outcome.
/// </summary>
public static class AccountAdminApi
{
    /// <param name="UnitId">Required for a liaison; ignored for other roles.</param>
    public sealed record NewAccountRequest(string UserName, string Role, int? UnitId = null, string? DisplayName = null, string? Email = null, string? Phone = null);
    public sealed record NewAccountResponse(string Id, string OneTimePassword);
    /// <param name="Role">The new role, or null to keep it.</param>
    /// <param name="UnitId">The new unit (liaisons), or null to keep it.</param>
    public sealed record AccountChangeRequest(string? Role = null, int? UnitId = null);
    public sealed record ResetResponse(string OneTimePassword);

    public static RouteGroupBuilder MapAccountAdminApi(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api/accounts").WithTags("Account administration").RequireAuthorization(Policies.Office);
        accounts.MapGet("/", List).WithName("ListAccounts")
            .WithSummary("The accounts the caller administers (office: liaisons and leaders; admin: all), filtered, sorted and paged.");
        accounts.MapPost("/", Create).WithName("CreateAccount")
            .WithSummary("Opens an account with a one-time password, returned once; the office opens liaison and leader accounts only.");
        accounts.MapPut("/{id}", Change).WithName("ChangeAccount")
            .WithSummary("Changes an account's role or unit; its sessions end.");
        accounts.MapPost("/{id}/disable", Disable).WithName("DisableAccount")
            .WithSummary("Disables an account; every cookie and token of it is refused from its next request.");
        accounts.MapPost("/{id}/enable", Enable).WithName("EnableAccount").WithSummary("Enables a disabled account.");
        accounts.MapPost("/{id}/reset", Reset).WithName("ResetAccountPassword")
            .WithSummary("Sets a new one-time password, returned once; every session ends and the next sign-in must change it.");
        accounts.MapPost("/{id}/primary", MakePrimary).WithName("MakePrimaryLiaison")
            .WithSummary("Hands the liaison's unit over to them: they become its primary liaison; the unit's reports stay with the unit.");
        return accounts;
    }

    static async Task<Results<Ok<AccountPage>, Refused>> List(Caller caller, JiaowangDb db, IStringLocalizer<AccountsText> words,
        string? role, int? unit, string? q, string? state, string? sort, int? page, int? pageSize, CancellationToken ct)
    {
        var listed = await AccountDirectory.ListAsync(db, caller,
            new AccountFilter(role, unit, q, state, sort, page ?? 1, pageSize ?? AccountDirectory.DefaultPageSize), words, ct);
        return listed.Succeeded ? TypedResults.Ok(listed.Value!) : listed.Refusal!.ToHttp();
    }

    static async Task<Results<Created<NewAccountResponse>, Refused>> Create(NewAccountRequest request, Caller caller, AccountService accounts,
        CancellationToken ct)
    {
        var created = await accounts.CreateAsync(caller, new NewAccount(request.UserName ?? "", request.Role ?? "", null, null,
            request.DisplayName, request.Email, request.Phone, request.UnitId), ct);
        if (!created.Succeeded) return created.Refusal!.ToHttp();
        var user = created.Value!.User!;
        return TypedResults.Created($"/api/accounts/{user.Id}", new NewAccountResponse(user.Id, created.Value.OneTimePassword!));
    }

    static async Task<Results<Ok<AccountItem>, Refused>> Change(string id, AccountChangeRequest request, Caller caller, AccountService accounts,
        CancellationToken ct) => Answer(await accounts.ChangeAsync(caller, id, request.Role, request.UnitId, ct));

    static async Task<Results<Ok<AccountItem>, Refused>> Disable(string id, Caller caller, AccountService accounts, CancellationToken ct) =>
        Answer(await accounts.DisableAsync(caller, id, ct));

    static async Task<Results<Ok<AccountItem>, Refused>> Enable(string id, Caller caller, AccountService accounts, CancellationToken ct) =>
        Answer(await accounts.EnableAsync(caller, id, ct));

    static async Task<Results<Ok<ResetResponse>, Refused>> Reset(string id, Caller caller, AccountService accounts, CancellationToken ct)
    {
        var reset = await accounts.ResetAsync(caller, id, ct);
        return reset.Succeeded ? TypedResults.Ok(new ResetResponse(reset.Value!)) : reset.Refusal!.ToHttp();
    }

    static async Task<Results<Ok<AccountItem>, Refused>> MakePrimary(string id, Caller caller, AccountService accounts, CancellationToken ct) =>
        Answer(await accounts.MakePrimaryAsync(caller, id, ct));

    static Results<Ok<AccountItem>, Refused> Answer(Outcome<AccountItem> outcome) =>
        outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : outcome.Refusal!.ToHttp();
}
