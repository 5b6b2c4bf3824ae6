using System.Net.Sockets;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.Practice;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

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

    /// <summary>Set a user to authenticate; without one the server is used unauthenticated.</summary>
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>Auto: TLS on connect for port 465, STARTTLS where the server offers it, plain otherwise.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public int TimeoutSeconds { get; set; } = 15;
}

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

public sealed record EmailMessage(string To, string Subject, string HtmlBody, string TextBody, IReadOnlyList<EmailAttachment>? Attachments = null);

/// <summary>A message that will never be delivered as it stands (a 5xx reply, a refused recipient, an address that does not parse).</summary>
public sealed class PermanentEmailFailure(string message, Exception inner) : Exception(message, inner);

/// <summary>The port through which the app sends email.</summary>
public interface IEmailSender
{
    /// <summary>
    /// Sends one message. Throws <see cref="PermanentEmailFailure"/> when retrying cannot help; any other exception
    /// is a transient failure (server down, timeout, 4xx) worth another attempt later.
    /// </summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>Sends with MailKit when <c>Email:Smtp:Host</c> is set; otherwise writes each message as an .eml file to the pickup folder.</summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options, PracticeSettings practice, ClinicDatabase database) : IEmailSender
{
    public string PickupDirectory => Path.Combine(database.DataDirectory, "mail-pickup");

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var mime = Compose(message);
        var smtp = options.Value.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            await WriteToPickupAsync(mime, cancellationToken);
            return;
        }

        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(Math.Max(1, smtp.TimeoutSeconds)).TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.User))
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
            await client.SendAsync(mime, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException exception) when (IsPermanent(exception))
        {
            throw new PermanentEmailFailure(Describe(exception), exception);
        }
    }

    /// <summary>5xx replies are final; a refused recipient is final unless the server said "try later" (4xx).</summary>
    private static bool IsPermanent(SmtpCommandException exception) =>
        (int)exception.StatusCode >= 500 ||
        (exception.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)exception.StatusCode is < 400 or >= 500);

    private MimeMessage Compose(EmailMessage message)
    {
        var profile = practice.Current;
        var mime = new MimeMessage { Subject = message.Subject };
        try
        {
            mime.From.Add(new MailboxAddress(profile.Name, profile.EmailFrom));
            mime.To.Add(MailboxAddress.Parse(message.To));
        }
        catch (ParseException exception)
        {
            throw new PermanentEmailFailure($"Not a valid address: {exception.Message}", exception);
        }

        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments ?? [])
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        mime.Body = body.ToMessageBody();
        return mime;
    }

    /// <summary>Written under a temporary name and then renamed, so a reader of the folder never sees half a message.</summary>
    private async Task WriteToPickupAsync(MimeMessage mime, CancellationToken ct)
    {
        Directory.CreateDirectory(PickupDirectory);
        var name = $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}";
        var partial = Path.Combine(PickupDirectory, name + ".tmp");
        await mime.WriteToAsync(partial, ct);
        File.Move(partial, Path.Combine(PickupDirectory, name + ".eml"));
    }

    /// <summary>What the outbox page shows of a failure: the server's reply code first where there is one.</summary>
    public static string Describe(Exception exception) =>
        exception is SmtpCommandException command ? $"{(int)command.StatusCode} {command.Message}" : exception.Message;

    /// <summary>A reply about this message (a 4xx for its recipient, say), not a sign that the server is down.</summary>
    public static bool IsAboutThisMessage(Exception exception) => exception is SmtpCommandException;

    /// <summary>The failures that say the server is not reachable or not answering now.</summary>
    public static bool IsTransient(Exception exception) =>
        exception is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or AuthenticationException or SslHandshakeException or IOException or SocketException or TimeoutException;
}
