namespace ClinicPortal.Application.Queries;

/// <summary>A time offered for a wait and still kept for the patient (its hold pending).</summary>
public sealed record WaitOffer(Guid HoldId, DateOnly Date, DateTimeOffset StartUtc, DateTimeOffset ExpiresAt);
