namespace ClinicPortal.Infrastructure.Email;

public sealed record OutboxRow(
    long Id, string Key, string Kind, string Recipient, string Subject, string Status, int Attempts, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt);
