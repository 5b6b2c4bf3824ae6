namespace ClinicPortal.Infrastructure.Email;

/// <summary>A message to record: its key (event and recipient) makes recording it twice a no-op.</summary>
public sealed record OutboxMessage(string Key, string Kind, EmailMessage Email);
