namespace ClinicPortal.Features.Api;

public sealed record AppointmentRequest(Guid? ServiceId, IReadOnlyList<Guid>? SlotIds, Guid? PatientId, string? Reason, string? OverrideReason = null);
