using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiaowang.Web.Features.Notifications;

/// <summary>What the person follows, and the target of the Follow / Unfollow buttons on the task, target, unit and plan pages.</summary>
[ScopedTo(Scope.Self)]
[Authorize]
public sealed class FollowsPageModel(FollowRules rules) : PageModel
{
    public List<FollowItem> Follows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Follows = await rules.ListAsync((await HttpContext.GetCallerAsync())!, ct);

    public async Task<IActionResult> OnPostFollowAsync(string? kind, int? id, string? returnUrl, CancellationToken ct)
    {
        var outcome = await rules.FollowAsync((await HttpContext.GetCallerAsync())!, new FollowRequest(kind, id), ct);
        if (outcome.Refusal is { } r) return r.Kind == RefusalKind.NotFound ? NotFound() : BadRequest();
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/me/follows");
    }

    public async Task<IActionResult> OnPostUnfollowAsync(string? kind, int? id, string? returnUrl, CancellationToken ct)
    {
        if (kind is null || id is null) return BadRequest();
        var outcome = await rules.UnfollowAsync((await HttpContext.GetCallerAsync())!, kind, id.Value, ct);
        if (!outcome.Succeeded) return NotFound();
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/me/follows");
    }
}
