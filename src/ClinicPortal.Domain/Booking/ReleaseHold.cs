namespace ClinicPortal.Domain.Booking;

/// <summary>The patient (or staff for them) lets a pending hold go; its slots are free at once.</summary>
public sealed record ReleaseHold(Guid HoldId, Actor By, DateTimeOffset Now) : ICommand<ReleaseHold, ReleaseHoldDecider, HoldState?, HoldReleased>;
