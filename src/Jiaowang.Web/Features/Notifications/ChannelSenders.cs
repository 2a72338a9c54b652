using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jiaowang.Web.Features.Reminders;
using Microsoft.Extensions.Options;

namespace Jiaowang.Web.Features.Notifications;

/// <summary>A message could not be delivered; the text is kept on the delivery row for the office.</summary>
public sealed class DeliveryFailed(string message) : Exception(message);

/// <summary>
/// Sends one outbox message on its channel: e-mail through the configured SMTP server (<see cref="Mailer"/>), a WeCom /
/// 政务微信 group robot with its documented JSON (<c>{"msgtype":"markdown","markdown":{"content":…}}</c>, answered with
/// <c>{"errcode":0}</c>), or SMS through the office's HTTP gateway (<see cref="SmsGatewayOptions"/>).
/// </summary>
public sealed class ChannelSenders(Mailer mailer, IHttpClientFactory http, IOptions<NotificationOptions> options)
{
    public const string HttpClientName = "notifications";
    /// <summary>The robot refuses markdown content over 4096 bytes of UTF-8.</summary>
    const int WeComLimit = 4096;

    public async Task SendAsync(string channel, string address, string subject, string text, CancellationToken ct)
    {
        switch (channel)
        {
            case Channels.Email:
                if (!mailer.Configured) throw new DeliveryFailed("SMTP is not configured (Smtp:Host)");
                await mailer.SendAsync(new Mail([address], subject, text), ct);
                break;
            case Channels.WeCom:
                await PostWeComAsync(address, subject, text, ct);
                break;
            case Channels.Sms:
                await PostSmsAsync(address, subject, text, ct);
                break;
            default:
                throw new DeliveryFailed($"unknown channel {channel}");
        }
    }

    async Task PostWeComAsync(string url, string subject, string text, CancellationToken ct)
    {
        var content = Truncate($"**{Markdown(subject)}**\n{Markdown(text)}", WeComLimit);
        var body = new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["content"] = content } };
        using var client = http.CreateClient(HttpClientName);
        using var response = await client.PostAsJsonAsync(url, body, ct);
        var answer = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new DeliveryFailed($"HTTP {(int)response.StatusCode}: {Short(answer)}");
        // The robot answers 200 with an error code when it refuses (bad key, too many messages a minute).
        try
        {
            using var json = JsonDocument.Parse(answer);
            if (json.RootElement.TryGetProperty("errcode", out var code) && code.ValueKind == JsonValueKind.Number && code.GetInt32() != 0)
                throw new DeliveryFailed($"errcode {code.GetInt32()}: {Short(answer)}");
        }
        catch (JsonException)
        {
            // Not the robot's JSON (a gateway in front of it answered): the HTTP status is all there is.
        }
    }

    async Task PostSmsAsync(string phone, string subject, string text, CancellationToken ct)
    {
        var sms = options.Value.Sms;
        if (!sms.Configured) throw new DeliveryFailed("no SMS gateway is configured (Notifications:Sms:Url)");
        var message = sms.Signature + subject + (text.Length > 0 ? "：" + text : "");
        if (message.Length > 300) message = message[..299] + "…";
        var url = sms.Url!.Replace("{phone}", Uri.EscapeDataString(phone)).Replace("{text}", Uri.EscapeDataString(message));
        var body = sms.Body.Replace("{phone}", JsonEscape(phone)).Replace("{text}", JsonEscape(message));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (!string.IsNullOrEmpty(sms.Authorization)) request.Headers.TryAddWithoutValidation("Authorization", sms.Authorization);
        using var client = http.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode) throw new DeliveryFailed($"HTTP {(int)response.StatusCode}: {Short(await response.Content.ReadAsStringAsync(ct))}");
    }

    /// <summary>Inside a JSON string, without the quotes.</summary>
    static string JsonEscape(string value) => JsonSerializer.Serialize(value)[1..^1];

    /// <summary>The robot's markdown reads <c>&lt;font&gt;</c> and a few marks; text from users is shown as text.</summary>
    static string Markdown(string text) => text.Replace("<", "＜").Replace(">", "＞");

    static string Truncate(string text, int bytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= bytes) return text;
        var end = text.Length;
        while (end > 0 && Encoding.UTF8.GetByteCount(text.AsSpan(0, end)) > bytes - 3) end--;
        return text[..end] + "…";
    }

    static string Short(string text) => text.Length > 300 ? text[..300] : text;

    /// <summary>A robot URL the office or a person may save: https (or http to a host listed), on a host allowed by configuration.</summary>
    public static bool IsAllowedWebhook(string? url, NotificationOptions options) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.UserInfo)
        && options.WebhookHosts.Any(h => string.Equals(h, uri.Host, StringComparison.OrdinalIgnoreCase)
            || string.Equals(h, uri.Authority, StringComparison.OrdinalIgnoreCase));
}
