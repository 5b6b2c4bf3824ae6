namespace ClinicPortal.Application.Queries;

/// <summary>A hold as the pages and the API show it.</summary>
public sealed record HoldView(
    Guid HoldId, Guid PatientId, Guid ClinicianId, IReadOnlyList<Guid> Clinicians, Guid VisitTypeId, DateOnly Date, DateTimeOffset StartUtc,
    DateTimeOffset EndUtc, IReadOnlyList<Guid> SlotIds, Guid? RoomId, DateTimeOffset ExpiresAt, string Status, Guid? AppointmentId);
