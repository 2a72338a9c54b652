using Microsoft.AspNetCore.Mvc;

namespace Jiaowang.Web.Features.Notifications;

/// <summary>
/// The bell in the site header: a link to the inbox with the unread count, for signed-in people. The count is on every
/// signed-in page and changes only by a write (a delivery, a read), so it is kept per person until one.
/// </summary>
public sealed class Bell(InboxQueries inbox, Shared.Reporting.SupervisionCache kept) : ViewComponent
{
    sealed record Unread(int Count);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (User.Identity?.IsAuthenticated != true || await HttpContext.GetCallerAsync() is not { } caller) return Content("");
        var unread = await kept.GetAsync(("unread", caller.UserId), async () => new Unread(await inbox.UnreadAsync(caller.UserId, HttpContext.RequestAborted)));
        return View("~/Features/Notifications/_Bell.cshtml", unread.Count);
    }
}

/// <summary>
/// The Follow / Unfollow button on a task, target, unit or plan page, for signed-in people who may follow it. The page
/// has just read the subject, so only the caller's right to it is checked here (following itself checks both again);
/// what the person follows is read once per person and kept until a write: the overview has a button per target.
/// </summary>
public sealed class FollowButton(FollowRules rules, Shared.Reporting.SupervisionCache kept) : ViewComponent
{
    static readonly object ItemKey = new();

    public async Task<IViewComponentResult> InvokeAsync(string kind, int id)
    {
        if (User.Identity?.IsAuthenticated != true || await HttpContext.GetCallerAsync() is not { } caller) return Content("");
        if (!FollowRules.MayFollow(caller, kind, id)) return Content("");
        var followed = await FollowedAsync(HttpContext, caller, rules, kept);
        return View("~/Features/Notifications/_FollowButton.cshtml", (kind, id, followed.Contains((kind, id))));
    }

    /// <summary>What the caller follows, kept until a write and read once per request (each kept read checks the write generation).</summary>
    public static async Task<IReadOnlySet<(string Kind, int Id)>> FollowedAsync(HttpContext http, Caller caller, FollowRules rules, Shared.Reporting.SupervisionCache kept)
    {
        if (http.Items[ItemKey] is not IReadOnlySet<(string, int)> followed)
            http.Items[ItemKey] = followed = await kept.GetAsync(("follows", caller.UserId), () => rules.FollowedAsync(caller.UserId, http.RequestAborted));
        return followed;
    }
}
