namespace ClinicPortal.Features.Api;

/// <summary>An open conflict: what clashes (<paramref name="Kind"/>), since when and who caused it, who overrode it and why, and who could take it over.</summary>
public sealed record ConflictDto(
    string ConflictId, string Kind, Guid AppointmentId, Guid? OtherAppointmentId, Guid PatientId, Guid ClinicianId, Guid? RoomId,
    DateTimeOffset Start, DateTimeOffset End, DateTimeOffset OpenedAt, string OpenedBy, string? OverrideBy, string? OverrideReason,
    IReadOnlyList<ReassignSuggestionDto> ReassignTo);
