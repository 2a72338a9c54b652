using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Jiaowang.Web.Features.Accounts;

public sealed record AccountUnit(int Id, string Name);

/// <summary>One account as the office's list shows it and <c>GET /api/accounts</c> returns it.</summary>
/// <param name="Primary">The unit's primary liaison (主联络员).</param>
/// <param name="State"><c>active</c>, <c>disabled</c>, or <c>mustChangePassword</c> (a one-time password not yet changed).</param>
public sealed record AccountItem(string Id, string UserName, string? DisplayName, string Role, AccountUnit? Unit, bool Primary, string State,
    DateTimeOffset? LastSignInAt, string? Email, string? Phone);

/// <summary>A page of the list, with the number of accounts the filters match.</summary>
public sealed record AccountPage(IReadOnlyList<AccountItem> Items, int Total, int Page, int PageSize);

/// <param name="Sort">userName, displayName, role, unit, state or lastSignIn; a leading "-" sorts descending.</param>
public sealed record AccountFilter(string? Role = null, int? Unit = null, string? Q = null, string? State = null, string? Sort = null,
    int Page = 1, int PageSize = AccountDirectory.DefaultPageSize);

public static class AccountStates
{
    public const string Active = "active";
    public const string Disabled = "disabled";
    public const string MustChangePassword = "mustChangePassword";
    public static readonly IReadOnlyList<string> All = [Active, MustChangePassword, Disabled];
}

/// <summary>
/// The office's account list, for the API, the page and <c>jiaowang user list</c>: the accounts the caller may
/// administer, filtered in the database and sorted in memory (SQLite cannot order by a DateTimeOffset, and a city's
/// accounts are a few hundred rows).
/// </summary>
public static class AccountDirectory
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public static readonly IReadOnlyList<string> Sorts = ["userName", "displayName", "role", "unit", "state", "lastSignIn"];

    public static async Task<Outcome<AccountPage>> ListAsync(JiaowangDb db, Caller caller, AccountFilter filter, IStringLocalizer<AccountsText> words,
        CancellationToken ct = default)
    {
        var role = filter.Role?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(role) && !Roles.IsKnown(role)) return Refusal.Invalid("role", words["List.BadRole", filter.Role!, string.Join(", ", Roles.All)]);
        var state = filter.State?.Trim();
        if (!string.IsNullOrEmpty(state) && !AccountStates.All.Contains(state)) return Refusal.Invalid("state", words["List.BadState", state, string.Join(", ", AccountStates.All)]);
        var sort = filter.Sort?.Trim() ?? "";
        var descending = sort.StartsWith('-');
        var key = sort.TrimStart('-');
        if (key.Length > 0 && !Sorts.Contains(key)) return Refusal.Invalid("sort", words["List.BadSort", sort, string.Join(", ", Sorts)]);
        if (filter.Page < 1) return Refusal.Invalid("page", words["List.BadPage"]);
        if (filter.PageSize is < 1 or > MaxPageSize) return Refusal.Invalid("pageSize", words["List.BadPageSize", MaxPageSize]);

        var visible = AccountService.RolesAdministeredBy(caller).ToList();
        var rows = Rows(db).Where(r => visible.Contains(r.Role!));
        if (!string.IsNullOrEmpty(role)) rows = rows.Where(r => r.Role == role);
        if (filter.Unit is { } unit) rows = rows.Where(r => r.User.UnitId == unit);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            var upper = q.ToUpperInvariant();
            rows = rows.Where(r => r.User.NormalizedUserName!.Contains(upper) || r.User.DisplayName!.Contains(q)
                || r.User.NormalizedEmail!.Contains(upper) || r.UnitName!.Contains(q));
        }
        rows = state switch
        {
            AccountStates.Disabled => rows.Where(r => r.User.LockoutEnd != null),
            AccountStates.MustChangePassword => rows.Where(r => r.User.LockoutEnd == null && r.User.MustChangePassword),
            AccountStates.Active => rows.Where(r => r.User.LockoutEnd == null && !r.User.MustChangePassword),
            _ => rows,
        };
        var items = (await rows.ToListAsync(ct)).Select(ToItem).ToList();
        IEnumerable<AccountItem> sorted = key switch
        {
            "displayName" => Order(items, i => i.DisplayName ?? "", descending),
            "role" => Order(items, i => i.Role, descending),
            "unit" => Order(items, i => i.Unit?.Name ?? "", descending),
            "state" => Order(items, i => i.State, descending),
            // Never signed in sorts as the oldest.
            "lastSignIn" => Order(items, i => i.LastSignInAt ?? DateTimeOffset.MinValue, descending),
            _ => Order(items, i => i.UserName, descending),
        };
        var page = sorted.Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize).ToList();
        return new AccountPage(page, items.Count, filter.Page, filter.PageSize);
    }

    static IOrderedEnumerable<AccountItem> Order<TKey>(List<AccountItem> items, Func<AccountItem, TKey> by, bool descending) =>
        (descending ? items.OrderByDescending(by) : items.OrderBy(by)).ThenBy(i => i.UserName, StringComparer.Ordinal);

    public static async Task<AccountItem> ItemAsync(JiaowangDb db, string id, CancellationToken ct = default) =>
        ToItem(await Rows(db).Where(r => r.User.Id == id).FirstAsync(ct));

    /// <summary>A member-init projection (not a constructor) so that EF can still filter on it.</summary>
    sealed class Row
    {
        public required JiaowangUser User { get; init; }
        public string? Role { get; init; }
        public string? UnitName { get; init; }
    }

    static IQueryable<Row> Rows(JiaowangDb db) => db.Users.AsNoTracking().Select(u => new Row
    {
        User = u,
        Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
        UnitName = u.Unit == null ? null : u.Unit.Name,
    });

    static AccountItem ToItem(Row row)
    {
        var u = row.User;
        var state = u.LockoutEnd is not null ? AccountStates.Disabled : u.MustChangePassword ? AccountStates.MustChangePassword : AccountStates.Active;
        return new AccountItem(u.Id, u.UserName!, u.DisplayName, row.Role ?? "", u.UnitId is { } id ? new AccountUnit(id, row.UnitName ?? "") : null,
            u.IsPrimaryLiaison, state, u.LastSignInAt, u.Email, u.PhoneNumber);
    }
}
