namespace ClinicPortal.Features.Api;

/// <summary>One clinician's part of an appointment (today every appointment has one part: its clinician's, for its whole time).</summary>
public sealed record AppointmentPartDto(ClinicPortal.Domain.ClinicianKind Kind, Guid ClinicianId, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<Guid> SlotIds);
