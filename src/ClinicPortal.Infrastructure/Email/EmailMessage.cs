namespace ClinicPortal.Infrastructure.Email;

/// <param name="Key">The outbox key the message was recorded under: its Message-ID and pickup file name derive from it,
/// so a message sent twice (a crash between sending and marking) is the same message twice.</param>
public sealed record EmailMessage(
    string To, string Subject, string HtmlBody, string TextBody, IReadOnlyList<EmailAttachment>? Attachments = null, string? Key = null);
