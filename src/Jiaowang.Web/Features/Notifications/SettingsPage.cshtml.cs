using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Notifications;

/// <summary>The person's channels (通知设置): e-mail, their WeCom robot, SMS, quiet hours and the daily digest.</summary>
[ScopedTo(Scope.Self)]
[Authorize]
public sealed class SettingsPageModel(NotificationSettings settings, IOptions<NotificationOptions> options) : PageModel
{
    public ChannelSettings Current { get; private set; } = null!;
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public bool Saved { get; private set; }
    public string DigestAt => options.Value.DigestAt.ToString("HH\\:mm");

    public async Task OnGetAsync(bool? saved, CancellationToken ct)
    {
        Saved = saved == true;
        Current = await settings.GetAsync((await HttpContext.GetCallerAsync())!, ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(bool email, bool weCom, string? weComUrl, bool sms, string? quietFrom, string? quietTo, bool digest, CancellationToken ct)
    {
        var caller = (await HttpContext.GetCallerAsync())!;
        var outcome = await settings.SetAsync(caller, new ChannelSettings(email, weCom, weComUrl, sms, quietFrom, quietTo, digest), ct);
        if (outcome.Succeeded) return LocalRedirect("/me/notifications/settings?saved=true");
        Problems = outcome.Refusal!.Messages;
        Current = new ChannelSettings(email, weCom, weComUrl, sms, quietFrom, quietTo, digest,
            (await settings.GetAsync(caller, ct)).HasEmail, (await settings.GetAsync(caller, ct)).HasPhone);
        return Page();
    }
}
