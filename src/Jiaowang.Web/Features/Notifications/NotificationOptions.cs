namespace Jiaowang.Web.Features.Notifications;

/// <summary>Configuration section <c>Notifications</c> (docs/SUPERVISION.md, "Notifications").</summary>
public sealed class NotificationOptions
{
    /// <summary>Run the delivery job and the sweep in the background (tests switch it off and drive them by hand).</summary>
    public bool Automatic { get; set; } = true;
    /// <summary>How often the delivery job looks for due messages.</summary>
    public TimeSpan DeliveryInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>How often the sweep compares status colours and looks for follow-ups falling due.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
    /// <summary>After this many failed attempts a message is marked failed; the office can retry it from the deliveries page.</summary>
    public int MaxAttempts { get; set; } = 8;
    /// <summary>The wait after the first failure; it doubles each time, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(6);
    /// <summary>How long an instance holds a claimed message before another may take it (a crash mid-send).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Local time at which the daily digest goes out.</summary>
    public TimeOnly DigestAt { get; set; } = new(8, 0);
    /// <summary>Days before a follow-up's deadline when its unit (and followers) hear it is due.</summary>
    public int FollowUpDaysBefore { get; set; } = 3;
    /// <summary>The address the platform is reached at, to make links absolute in outside messages (e.g. https://duban.example.gov.cn).</summary>
    public string? PublicUrl { get; set; }
    /// <summary>Hosts a WeCom / 政务微信 robot URL may point at (the government edition runs on its own host).</summary>
    public List<string> WebhookHosts { get; set; } = ["qyapi.weixin.qq.com"];
    public SmsGatewayOptions Sms { get; set; } = new();
}

/// <summary>
/// <c>Notifications:Sms</c>: the office's SMS gateway, called with an HTTP POST. <c>{phone}</c> and <c>{text}</c> are
/// replaced in <see cref="Url"/> (URL-encoded) and in <see cref="Body"/> (JSON-escaped).
/// </summary>
public sealed class SmsGatewayOptions
{
    public string? Url { get; set; }
    public string Body { get; set; } = """{"phone":"{phone}","text":"{text}"}""";
    /// <summary>Sent as the <c>Authorization</c> header when set (e.g. <c>Bearer …</c>).</summary>
    public string? Authorization { get; set; }
    /// <summary>Put before every text, as gateways require a registered signature (e.g. 【督办】).</summary>
    public string Signature { get; set; } = "";
    public bool Configured => !string.IsNullOrWhiteSpace(Url);
}
