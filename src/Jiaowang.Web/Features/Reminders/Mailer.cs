using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Jiaowang.Web.Features.Reminders;

/// <summary>Configuration section <c>Smtp</c>. Without a host, reminders reach the inbox only.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string From { get; set; } = "jiaowang@localhost";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>StartTls when the server offers it (the default), or None for a relay on the office network.</summary>
    public string Security { get; set; } = "Auto";
}

public sealed record Mail(IReadOnlyList<string> To, string Subject, string Body);

/// <summary>Sends mail through the configured SMTP server with MailKit.</summary>
public sealed class Mailer(Microsoft.Extensions.Options.IOptions<SmtpOptions> options)
{
    public bool Configured => !string.IsNullOrWhiteSpace(options.Value.Host);

    public async Task SendAsync(Mail mail, CancellationToken ct = default)
    {
        var smtp = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        foreach (var to in mail.To) message.To.Add(MailboxAddress.Parse(to));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };

        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var s) ? s : SecureSocketOptions.Auto;
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
