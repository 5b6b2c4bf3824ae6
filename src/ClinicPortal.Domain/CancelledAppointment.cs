namespace ClinicPortal.Domain;

/// <summary>
/// A booking that fell with its day: an appointment with others falls whole (<paramref name="Parts"/>: its clinicians'
/// slots, which are free again).
/// </summary>
public sealed record CancelledAppointment(Guid AppointmentId, Guid PatientId, IReadOnlyList<ScheduledSlot> Slots, IReadOnlyList<BookedPart>? Parts = null);
