using System.Reflection;
using System.Security.Claims;
using Jiaowang.Web.Data;
using Jiaowang.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Jiaowang.Web.Shared.Access;

/// <summary>
/// The signed-in person as every rule needs them: who, in which roles, for which unit. Resolved once per request
/// (<see cref="CallerResolution"/>) and handed to handlers as a parameter; nothing else in the code reads claims or
/// queries the user row to find out who is calling.
/// </summary>
public sealed record Caller(string UserId, string UserName, IReadOnlySet<string> Roles, int? UnitId)
{
    public bool IsOffice => Roles.Contains(Features.Accounts.Roles.Office) || IsAdmin;
    public bool IsAdmin => Roles.Contains(Features.Accounts.Roles.Admin);
    public bool IsLeader => Roles.Contains(Features.Accounts.Roles.Leader);
    public bool IsLiaison => Roles.Contains(Features.Accounts.Roles.Liaison);
    public bool IsMember => Roles.Contains(Features.Accounts.Roles.Member);

    /// <summary>For a leader bound to a unit (分管领导): the unit whose reports they approve. Null for everyone else.</summary>
    public int? LeadsUnitId { get; init; }

    /// <summary>Office, admins and leaders read every unit's reports; liaisons only their own unit's.</summary>
    public bool ReadsAll => IsOffice || IsLeader;

    public bool CanSee(int unitId) => ReadsAll || UnitId == unitId;

    /// <summary>Only the unit's own liaison writes its reports and readings.</summary>
    public bool WritesFor(int unitId) => UnitId == unitId;

    /// <summary>
    /// Reads the user row behind a principal. Outside a request (the CLI, tests) call this; inside one, take the
    /// <see cref="Caller"/> parameter or <see cref="CallerResolution.GetCallerAsync"/>, which resolve it once.
    /// </summary>
    public static async Task<Caller?> FromAsync(ClaimsPrincipal user, JiaowangDb db, CancellationToken ct = default)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null) return null;
        var row = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.UserName, u.UnitId }).FirstOrDefaultAsync(ct);
        return row is null ? null : From(user, id, row.UserName!, row.UnitId);
    }

    /// <summary>The caller from the principal's roles and the account row's name and unit.</summary>
    internal static Caller From(ClaimsPrincipal user, string id, string userName, int? accountUnitId)
    {
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        // A unit is bound only to liaisons: an office account that somehow has one still reports for nobody.
        var unitId = roles.Contains(Features.Accounts.Roles.Liaison) ? accountUnitId : null;
        var leadsUnitId = roles.Contains(Features.Accounts.Roles.Leader) ? accountUnitId : null;
        return new Caller(id, userName, roles, unitId) { LeadsUnitId = leadsUnitId };
    }

    /// <summary>
    /// Minimal-API binding: a handler that takes a <see cref="Caller"/> gets the request's, resolved once. A handler
    /// that takes <c>Caller?</c> also runs for anonymous requests; one that takes <c>Caller</c> answers 401 when there
    /// is nobody behind the request (a token whose account is gone), as the handlers' own checks used to.
    /// </summary>
    public static async ValueTask<Caller?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var caller = await context.GetCallerAsync();
        if (caller is null && new NullabilityInfoContext().Create(parameter).ReadState != NullabilityState.Nullable)
            throw new BadHttpRequestException("No signed-in account behind this request.", StatusCodes.Status401Unauthorized);
        return caller;
    }
}

public static class CallerResolution
{
    static readonly object Key = new();
    static readonly object AccountKey = new();

    /// <summary>
    /// The account row the session check of this request has just read (<c>AccountsSetup</c>: the security stamp is
    /// compared on every request), so that resolving the caller does not read the same row again.
    /// </summary>
    public static void KeepValidatedAccount(this HttpContext context, SessionAccount account) => context.Items[AccountKey] = account;

    /// <summary>The request's caller, read from the database the first time it is asked for and kept for the request.</summary>
    public static async ValueTask<Caller?> GetCallerAsync(this HttpContext context)
    {
        if (context.Items.TryGetValue(Key, out var known)) return (Caller?)known;
        var id = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        // The row the session check read moments ago, for the same account; otherwise (no check ran) read it.
        var caller = id is not null && context.Items.TryGetValue(AccountKey, out var checkedAccount) && checkedAccount is SessionAccount account && account.Id == id
            ? Caller.From(context.User, id, account.UserName!, account.UnitId)
            : await Caller.FromAsync(context.User, context.RequestServices.GetRequiredService<JiaowangDb>(), context.RequestAborted);
        context.Items[Key] = caller;
        return caller;
    }
}
