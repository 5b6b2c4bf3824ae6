namespace ClinicPortal.Domain.Booking;

/// <summary>One wait as the decisions about it see it; <see cref="OfferHoldId"/> is the time offered for it, once it was.</summary>
public sealed record WaitState(
    Guid WaitId, Guid PatientId, Guid VisitTypeId, Guid? ClinicianId, DateOnly From, DateOnly To, WaitStatus Status, Guid? OfferHoldId = null)
{
    /// <summary>Still on the list: waiting, or offered a time not yet confirmed or run out.</summary>
    public bool IsOpen => Status is WaitStatus.Waiting or WaitStatus.Offered;

    public bool Covers(DateOnly date) => From <= date && date <= To;

    public bool Overlaps(WaitJoined other) =>
        VisitTypeId == other.VisitTypeId && ClinicianId == other.ClinicianId && From <= other.To && other.From <= To;
}
