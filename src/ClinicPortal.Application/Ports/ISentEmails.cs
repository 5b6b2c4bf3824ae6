namespace ClinicPortal.Application.Ports;

/// <summary>The emails the practice has written to someone (the outbox), for what it tells them it holds.</summary>
public interface ISentEmails
{
    Task<IReadOnlyList<SentEmail>> ToAsync(string address, CancellationToken ct = default);
}

/// <summary>One email to someone: when it was made, its subject, whether it went (and when).</summary>
public sealed record SentEmail(DateTimeOffset CreatedAt, string Subject, string Status, DateTimeOffset? SentAt);
