namespace ClinicPortal.Domain;

/// <summary>
/// The practice reminded the patient of an appointment <paramref name="HoursBefore"/> hours before it, at the time it is
/// at now (a moved appointment is reminded again at its new time). <paramref name="Skipped"/>: no email was needed, as the
/// appointment was booked or moved to this time within those hours and its own email had just told them.
/// </summary>
public sealed record ReminderSent(
    Guid AppointmentId, Guid PatientId, Guid ClinicianId, DateOnly Date, IReadOnlyList<ScheduledSlot> Slots, int HoursBefore,
    IReadOnlyList<BookedPart>? Parts = null, Guid? RoomId = null, bool Skipped = false) : IClinicEvent
{
    public IEnumerable<Guid> Clinicians => AppointmentTime.Clinicians(ClinicianId, Parts);

    public DateTimeOffset StartUtc => Slots.Min(s => s.StartUtc);
}
