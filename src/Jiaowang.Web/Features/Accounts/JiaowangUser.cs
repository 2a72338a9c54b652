using Jiaowang.Core.Plans;
using Microsoft.AspNetCore.Identity;

namespace Jiaowang.Web.Features.Accounts;

/// <summary>A person who signs in. A liaison (联络员) is bound to exactly one unit; other roles to none.</summary>
public class JiaowangUser : IdentityUser
{
    public string? DisplayName { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    /// <summary>Set when the password was generated and printed once: the first sign-in must choose a new one.</summary>
    public bool MustChangePassword { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>
    /// The liaison the office calls first for this unit (主联络员). A unit may have several liaisons; exactly one is
    /// primary, and a handover moves the flag. Reports, readings and follow-ups belong to the unit, not to a liaison,
    /// so a handover loses nothing.
    /// </summary>
    public bool IsPrimaryLiaison { get; set; }
    /// <summary>The last successful sign-in (form or token), for the office's account list.</summary>
    public DateTimeOffset? LastSignInAt { get; set; }
}

/// <summary>The five roles of the platform, as stored by Identity.</summary>
public static class Roles
{
    public const string Admin = "admin";
    /// <summary>领导小组办公室 staff.</summary>
    public const string Office = "office";
    /// <summary>City leaders: read everything, write instructions (批示).</summary>
    public const string Leader = "leader";
    /// <summary>联络员: reports for one unit.</summary>
    public const string Liaison = "liaison";
    /// <summary>政协委员: read results, vote.</summary>
    public const string Member = "member";

    public static readonly IReadOnlyList<string> All = [Admin, Office, Leader, Liaison, Member];

    public static bool IsKnown(string role) => All.Contains(role);
}

/// <summary>Authorization policy names; endpoints and pages name one of these instead of listing roles.</summary>
public static class Policies
{
    /// <summary>Office staff or admins: set up plans, review, remind, edit registries.</summary>
    public const string Office = "Office";
    /// <summary>
    /// Office or admin signed in with a bearer token only: for upload endpoints that scripts call without an
    /// antiforgery token, so that a browser's cookie cannot be used for them from another site (CSRF).
    /// </summary>
    public const string OfficeScript = "OfficeScript";
    public const string Admin = "Admin";
    /// <summary>Leaders, office and admins: read everything.</summary>
    public const string ReadAll = "ReadAll";
    public const string Liaison = "Liaison";
    public const string Member = "Member";
}
