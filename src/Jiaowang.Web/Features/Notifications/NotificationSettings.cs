using Jiaowang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Notifications;

/// <param name="QuietFrom">Local time "HH:mm" from which nothing is sent outside the inbox; with <paramref name="QuietTo"/>, or both empty.</param>
/// <param name="HasEmail">Whether the account has an e-mail address (set by the office on the account).</param>
/// <param name="HasPhone">Whether the account has a mobile number, and SMS is configured.</param>
public sealed record ChannelSettings(bool? Email, bool? WeCom, string? WeComUrl, bool? Sms, string? QuietFrom, string? QuietTo, bool? Digest,
    bool HasEmail = false, bool HasPhone = false);

public sealed record RobotSetting(string? Url);

public sealed record UnitRobotItem(int UnitId, string UnitName, string? Url);

/// <summary>A person's channel choices, and the office's per-unit group robots.</summary>
public sealed class NotificationSettings(JiaowangDb db, IOptions<NotificationOptions> options, IStringLocalizer<NotificationsText> text)
{
    public async Task<ChannelSettings> GetAsync(Caller caller, CancellationToken ct = default)
    {
        var p = await db.Set<NotificationPreference>().AsNoTracking().FirstOrDefaultAsync(x => x.UserId == caller.UserId, ct)
            ?? new NotificationPreference { UserId = caller.UserId };
        var user = await db.Users.AsNoTracking().Where(u => u.Id == caller.UserId).Select(u => new { u.Email, u.PhoneNumber }).FirstAsync(ct);
        return new ChannelSettings(p.Email, p.WeCom, p.WeComUrl, p.Sms, p.QuietFrom?.ToString("HH\\:mm"), p.QuietTo?.ToString("HH\\:mm"), p.Digest,
            !string.IsNullOrWhiteSpace(user.Email), !string.IsNullOrWhiteSpace(user.PhoneNumber) && options.Value.Sms.Configured);
    }

    public async Task<Outcome<ChannelSettings>> SetAsync(Caller caller, ChannelSettings request, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Email is null) errors["email"] = [text["Settings.EmailRequired"]];
        var url = string.IsNullOrWhiteSpace(request.WeComUrl) ? null : request.WeComUrl.Trim();
        if (url is not null && !ChannelSenders.IsAllowedWebhook(url, options.Value)) errors["weComUrl"] = [text["Settings.BadWebhook", string.Join(", ", options.Value.WebhookHosts)]];
        if (request.WeCom == true && url is null) errors["weComUrl"] = [text["Settings.WebhookRequired"]];
        var from = ParseTime(request.QuietFrom, "quietFrom", errors);
        var to = ParseTime(request.QuietTo, "quietTo", errors);
        if ((from is null) != (to is null) && !errors.ContainsKey("quietFrom") && !errors.ContainsKey("quietTo"))
            errors["quietTo"] = [text["Settings.QuietBoth"]];
        if (errors.Count > 0) return Refusal.Invalid(errors, string.Join(" ", errors.Values.SelectMany(v => v)));

        var p = await db.Set<NotificationPreference>().FirstOrDefaultAsync(x => x.UserId == caller.UserId, ct);
        if (p is null) db.Add(p = new NotificationPreference { UserId = caller.UserId });
        p.Email = request.Email!.Value;
        p.WeCom = request.WeCom ?? false;
        p.WeComUrl = url;
        p.Sms = request.Sms ?? false;
        p.QuietFrom = from;
        p.QuietTo = to;
        p.Digest = request.Digest ?? false;
        await db.SaveChangesAsync(ct);
        return await GetAsync(caller, ct);
    }

    TimeOnly? ParseTime(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (TimeOnly.TryParseExact(value.Trim(), ["HH:mm", "H:mm"], System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var time)) return time;
        errors[field] = [text["Settings.BadTime", field]];
        return null;
    }

    public async Task<List<UnitRobotItem>> RobotsAsync(CancellationToken ct = default)
    {
        var robots = await db.Set<UnitRobot>().AsNoTracking().ToDictionaryAsync(r => r.UnitId, r => r.Url, ct);
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        return units.Select(u => new UnitRobotItem(u.Id, u.Name, robots.GetValueOrDefault(u.Id))).ToList();
    }

    /// <summary>The office sets (or, with an empty URL, removes) a unit's group robot.</summary>
    public async Task<Outcome<UnitRobotItem>> SetRobotAsync(int unitId, string? url, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(ct);
        if (unit is null) return Refusal.NotFound(text["Robot.UnknownUnit"]);
        url = string.IsNullOrWhiteSpace(url) ? null : url.Trim();
        if (url is not null && !ChannelSenders.IsAllowedWebhook(url, options.Value))
            return Refusal.Invalid("url", text["Settings.BadWebhook", string.Join(", ", options.Value.WebhookHosts)]);
        var robot = await db.Set<UnitRobot>().FirstOrDefaultAsync(r => r.UnitId == unitId, ct);
        if (url is null) { if (robot is not null) db.Remove(robot); }
        else if (robot is null) db.Add(new UnitRobot { UnitId = unitId, Url = url });
        else robot.Url = url;
        await db.SaveChangesAsync(ct);
        return new UnitRobotItem(unitId, unit, url);
    }
}
