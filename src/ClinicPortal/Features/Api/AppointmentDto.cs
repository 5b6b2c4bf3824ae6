using System.Text.Json.Serialization;
namespace ClinicPortal.Features.Api;

/// <summary>An appointment; <paramref name="Parts"/> each clinician's part of it, <paramref name="Conflicts"/> its open conflicts.</summary>
public sealed record AppointmentDto(
    Guid AppointmentId, [property: JsonPropertyName("serviceId")] Guid VisitTypeId, Guid PatientId, Guid ClinicianId, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<Guid> SlotIds,
    Guid? RoomId, IReadOnlyList<AppointmentPartDto>? Parts = null, IReadOnlyList<ConflictDto>? Conflicts = null);
