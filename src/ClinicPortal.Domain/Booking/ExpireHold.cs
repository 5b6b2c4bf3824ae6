namespace ClinicPortal.Domain.Booking;

/// <summary>The practice's clock gives back a hold that ran out unconfirmed (what the timers do at its due time).</summary>
public sealed record ExpireHold(Guid HoldId, Actor By, DateTimeOffset Now) : ICommand<ExpireHold, ExpireHoldDecider, HoldState?, HoldExpired>;
