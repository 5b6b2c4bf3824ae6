namespace ClinicPortal.Domain;

/// <summary>
/// A patient (or staff for them) holds a visit's time while they confirm: its slots are no one else's until
/// <paramref name="ExpiresAt"/>, when the practice gives them back (<see cref="HoldExpired"/>) unless the hold was confirmed
/// (a <see cref="SlotsBooked"/> naming it) or released first. The slots, parts and room are as a booking of them would be.
/// <paramref name="WaitId"/>: the waiting list made the hold for the patient's wait, offering them a time that came free.
/// </summary>
public sealed record HoldPlaced(
    Guid HoldId, Guid PatientId, Guid ClinicianId, DateOnly Date, IReadOnlyList<ScheduledSlot> Slots, Guid VisitTypeId, DateTimeOffset ExpiresAt,
    string By, IReadOnlyList<BookedPart>? Parts = null, Guid? RoomId = null, Guid? WaitId = null) : IClinicEvent
{
    public IEnumerable<Guid> Clinicians => AppointmentTime.Clinicians(ClinicianId, Parts);
}
