namespace ClinicPortal.Domain.Booking;

/// <summary>
/// The waiting list offers a freed time to a wait: a hold of it for the patient until <see cref="PlaceHold.ExpiresAt"/>,
/// judged by every rule a hold the patient placed would be (<see cref="Hold"/>, whose actor is the patient), made only
/// while the wait is waiting and covers the day. <paramref name="By"/> is the waiting list.
/// </summary>
public sealed record OfferWait(Guid WaitId, PlaceHold Hold, Actor By) : ICommand<OfferWait, OfferWaitDecider, OfferState, HoldPlaced>
{
    public DateTimeOffset Now => Hold.Now;
}
