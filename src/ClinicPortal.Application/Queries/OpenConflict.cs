namespace ClinicPortal.Application.Queries;

/// <summary>
/// A clash on the conflicts desk: an appointment (<paramref name="BookingId"/>, as it stands now) and what it clashes
/// with (its clinician deactivated, its room out of use, or the patient's <paramref name="OtherBookingId"/> at the same
/// time); when it opened and who caused it; and, for a clash staff chose, who overrode it and why.
/// </summary>
public sealed record OpenConflict(
    string ConflictId, string Kind, Guid AppointmentId, Guid? OtherAppointmentId, Guid PatientId, Guid ClinicianId, Guid? RoomId,
    DateTimeOffset StartUtc, DateTimeOffset EndUtc, DateTimeOffset OpenedAt, string OpenedBy, string? OverrideBy, string? OverrideReason);
