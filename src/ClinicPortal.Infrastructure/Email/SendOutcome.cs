namespace ClinicPortal.Infrastructure.Email;

/// <summary>What came of one attempt to send an outbox row.</summary>
public abstract record SendOutcome(long Id)
{
    public sealed record Sent(long Id) : SendOutcome(Id);

    /// <summary>Not sent this time; tried again at <paramref name="Next"/>.</summary>
    public sealed record Retry(long Id, string Error, DateTimeOffset Next) : SendOutcome(Id);

    /// <summary>Never deliverable as it stands; kept for the owner to see and retry by hand.</summary>
    public sealed record Failed(long Id, string Error) : SendOutcome(Id);
}
