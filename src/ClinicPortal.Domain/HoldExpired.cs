namespace ClinicPortal.Domain;

/// <summary>A hold's time ran out unconfirmed: the practice gave its slots back at the due time.</summary>
public sealed record HoldExpired(
    Guid HoldId, Guid PatientId, Guid ClinicianId, DateOnly Date, IReadOnlyList<ScheduledSlot> Slots, DateTimeOffset ExpiresAt, IReadOnlyList<BookedPart>? Parts = null,
    Guid? RoomId = null) : IClinicEvent
{
    public IEnumerable<Guid> Clinicians => AppointmentTime.Clinicians(ClinicianId, Parts);
}
