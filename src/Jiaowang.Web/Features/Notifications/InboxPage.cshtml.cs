using Jiaowang.Web.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiaowang.Web.Features.Notifications;

/// <summary>The person's inbox (消息): newest or unread first, paged, one or all marked read.</summary>
[ScopedTo(Scope.Self)]
[Authorize]
public sealed class InboxPageModel(InboxQueries inbox) : PageModel
{
    public NotificationPage Inbox { get; private set; } = null!;
    public bool UnreadFirst { get; private set; }
    public int Pages => Math.Max(1, (Inbox.Total + Inbox.PageSize - 1) / Inbox.PageSize);

    public async Task OnGetAsync(int? p, string? order, CancellationToken ct)
    {
        UnreadFirst = order == "unread";
        var caller = (await HttpContext.GetCallerAsync())!;
        Inbox = await inbox.PageAsync(caller, p ?? 1, InboxQueries.DefaultPageSize, UnreadFirst, TextSetup.IsEnglish, ct);
    }

    public async Task<IActionResult> OnPostReadAsync(int id, string? returnUrl, CancellationToken ct)
    {
        var outcome = await inbox.MarkReadAsync((await HttpContext.GetCallerAsync())!, id, ct);
        if (!outcome.Succeeded) return NotFound();
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/me/notifications");
    }

    public async Task<IActionResult> OnPostReadAllAsync(int? upTo, CancellationToken ct)
    {
        var outcome = await inbox.MarkAllReadAsync((await HttpContext.GetCallerAsync())!, upTo, ct);
        if (!outcome.Succeeded) return BadRequest();
        return LocalRedirect("/me/notifications");
    }
}
