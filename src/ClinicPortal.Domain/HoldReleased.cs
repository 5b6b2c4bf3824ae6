namespace ClinicPortal.Domain;

/// <summary>
/// The patient let a hold go before it ran out: its slots are free again. <paramref name="At"/>: when (the patient's
/// cool-down on its clinicians runs from then); a release logged before releases said when has none, and starts no cool-down.
/// </summary>
public sealed record HoldReleased(
    Guid HoldId, Guid PatientId, Guid ClinicianId, DateOnly Date, IReadOnlyList<ScheduledSlot> Slots, string By, IReadOnlyList<BookedPart>? Parts = null,
    Guid? RoomId = null, DateTimeOffset? At = null) : IClinicEvent
{
    public IEnumerable<Guid> Clinicians => AppointmentTime.Clinicians(ClinicianId, Parts);
}
