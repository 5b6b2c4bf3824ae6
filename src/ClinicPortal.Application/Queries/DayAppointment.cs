namespace ClinicPortal.Application.Queries;

/// <summary>A booking of a clinician's day as staff see it: who, when, who booked it, what became of it, and the series it is of (if any).</summary>
public sealed record DayAppointment(
    Guid AppointmentId, Guid PatientId, Guid ClinicianId, DateTimeOffset StartUtc, DateTimeOffset EndUtc, int SlotCount,
    string BookedBy, DateTimeOffset BookedAt, string? Cancelled, string? VisitOutcome, Guid VisitTypeId = default, string? Reason = null,
    Guid? RoomId = null, Guid? SeriesId = null);
