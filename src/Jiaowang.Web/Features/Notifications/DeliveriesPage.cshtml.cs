using Jiaowang.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiaowang.Web.Features.Notifications;

/// <summary>The office's view of outside deliveries (pending, failed, retry now) and the units' group robots.</summary>
[Authorize(Policy = Policies.Office)]
public sealed class DeliveriesPageModel(DeliveryQueue queue, NotificationSettings settings) : PageModel
{
    public DeliveryCounts Counts { get; private set; } = null!;
    public List<DeliveryItem> Items { get; private set; } = [];
    public List<UnitRobotItem> Robots { get; private set; } = [];
    public bool ShowSent { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(string? show, CancellationToken ct)
    {
        ShowSent = show == "sent";
        Counts = await queue.CountsAsync(ct);
        Items = await queue.ListAsync(ShowSent ? "sent" : null, 200, ct);
        Robots = await settings.RobotsAsync(ct);
    }

    public async Task<IActionResult> OnPostRetryAsync(int id, CancellationToken ct)
    {
        var outcome = await queue.RetryAsync(id, ct);
        return outcome.Succeeded ? LocalRedirect("/office/deliveries") : NotFound();
    }

    public async Task<IActionResult> OnPostRobotAsync(int unitId, string? url, CancellationToken ct)
    {
        var outcome = await settings.SetRobotAsync(unitId, url, ct);
        if (outcome.Succeeded) return LocalRedirect("/office/deliveries#robots");
        if (outcome.Refusal!.Kind == RefusalKind.NotFound) return NotFound();
        Problem = outcome.Refusal.Message;
        await OnGetAsync(null, ct);
        return Page();
    }
}
