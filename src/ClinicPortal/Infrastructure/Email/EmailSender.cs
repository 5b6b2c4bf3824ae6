using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.Practice;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Infrastructure.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "appointments@clinicportal.local";
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where links in emails point: the address patients reach the app at.</summary>
    public string LinkBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>The longest wait between two attempts to send a message while the SMTP server is down.</summary>
    public int MaxRetryDelaySeconds { get; set; } = 300;

    public TimeSpan MaxRetryDelay => TimeSpan.FromSeconds(Math.Max(1, MaxRetryDelaySeconds));
}

public sealed class SmtpOptions
{
    /// <summary>No host: messages are written as .eml files to the pickup folder under Data:Directory.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? User { get; set; }
    public string? Password { get; set; }
    public bool EnableSsl { get; set; }
}

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

public sealed record EmailMessage(string To, string Subject, string HtmlBody, string TextBody, IReadOnlyList<EmailAttachment>? Attachments = null);

/// <summary>The port through which the app sends email (MailKit is not in the registry copy; System.Net.Mail serves).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>Sends through SMTP when <c>Email:Smtp:Host</c> is set; otherwise writes .eml files to the pickup folder.</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options, PracticeSettings practice, ClinicDatabase database) : IEmailSender
{
    public string PickupDirectory => Path.Combine(database.DataDirectory, "mail-pickup");

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var profile = practice.Current;
        using var mail = new MailMessage
        {
            From = new MailAddress(profile.EmailFrom, profile.Name),
            Subject = message.Subject,
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
        mail.To.Add(message.To);
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.TextBody, System.Text.Encoding.UTF8, MediaTypeNames.Text.Plain));
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, System.Text.Encoding.UTF8, MediaTypeNames.Text.Html));
        foreach (var attachment in message.Attachments ?? [])
            mail.Attachments.Add(new Attachment(new MemoryStream(attachment.Content), attachment.FileName, attachment.ContentType));

        using var client = CreateClient(options.Value.Smtp);
        await client.SendMailAsync(mail, cancellationToken);
    }

    private SmtpClient CreateClient(SmtpOptions smtp)
    {
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            Directory.CreateDirectory(PickupDirectory);
            return new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = PickupDirectory };
        }
        var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl, Timeout = 15_000 };
        if (!string.IsNullOrEmpty(smtp.User))
            client.Credentials = new NetworkCredential(smtp.User, smtp.Password);
        return client;
    }
}
