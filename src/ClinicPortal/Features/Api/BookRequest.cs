namespace ClinicPortal.Features.Api;

public sealed record BookRequest(IReadOnlyList<Guid>? SlotIds, Guid? PatientId);
