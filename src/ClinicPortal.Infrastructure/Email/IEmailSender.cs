namespace ClinicPortal.Infrastructure.Email;

/// <summary>The port through which the app sends email.</summary>
public interface IEmailSender
{
    /// <summary>
    /// Sends one message. Throws <see cref="PermanentEmailFailure"/> when retrying cannot help; any other exception
    /// is a transient failure (server down, timeout, 4xx) worth another attempt later.
    /// </summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
