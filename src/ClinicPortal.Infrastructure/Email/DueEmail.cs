namespace ClinicPortal.Infrastructure.Email;

/// <summary>A message due to be sent: its outbox row, attempts so far, and the email (its key names the row).</summary>
public sealed record DueEmail(long Id, int Attempts, EmailMessage Email);
