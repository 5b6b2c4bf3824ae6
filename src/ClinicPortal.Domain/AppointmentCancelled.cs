namespace ClinicPortal.Domain;

/// <summary>
/// A booking was cancelled; its slots (every part's: <paramref name="Parts"/>, as booked) are available again, and its
/// room's time (<paramref name="RoomId"/>, as <see cref="SlotsBooked.RoomId"/>).
/// </summary>
public sealed record AppointmentCancelled(
    Guid AppointmentId, Guid PatientId, Guid ClinicianId, DateOnly Date, IReadOnlyList<ScheduledSlot> Slots,
    CancellationReason Reason, string By, IReadOnlyList<BookedPart>? Parts = null, Guid? RoomId = null) : IClinicEvent
{
    public IEnumerable<Guid> Clinicians => AppointmentTime.Clinicians(ClinicianId, Parts);
}
